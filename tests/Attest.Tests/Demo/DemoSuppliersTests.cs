using Attest.Demo;
using Attest.Suppliers;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoSuppliersTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoRegister_HoldsAbout25Suppliers_WithExpiringCertifications_LinksAndQuestionnairesInEveryState(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);

        var (page, figures) = await app.WithCoreAsync(organizationId, async (_, db) => (await SupplierQueries.PageAsync(db, new SupplierFilter(), 1, 50), await SupplierQueries.FiguresAsync(db)));
        Assert.InRange(page.Total, 22, 28);
        Assert.Contains(page.Rows, r => r.Name == "Anthropic" && r.Subprocessor && r.Criticality == SupplierCriticality.Critical);
        Assert.InRange(figures.ExpiringCertifications.Count, 3, 8);
        Assert.Equal(1, figures.SubprocessorsWithoutDpa);
        Assert.InRange(figures.ReviewsOverdue, 1, 6);
        Assert.InRange(figures.KeySuppliersReviewedPercent!.Value, 50, 99);

        var (links, risks, statuses) = await app.WithCoreAsync(organizationId, async (_, db) => (await db.SupplierAssets.CountAsync(), await db.SupplierRisks.CountAsync(),
            await db.SupplierQuestionnaires.Join(db.Suppliers, q => q.SupplierId, s => s.Id, (q, s) => new { s.Name, q.Status }).ToListAsync()));
        Assert.True(links >= 15, $"{links} asset links");
        Assert.True(risks >= 5, $"{risks} risk links");
        Assert.Equal(DemoSuppliers.Reviewed.Order(), statuses.Where(s => s.Status == QuestionnaireStatus.Reviewed).Select(s => s.Name).Order());
        Assert.Equal((DemoSuppliers.AwaitingReview, QuestionnaireStatus.Submitted), statuses.Where(s => s.Status == QuestionnaireStatus.Submitted).Select(s => (s.Name, s.Status)).Single());
        Assert.Equal(DemoSuppliers.Pending, statuses.Single(s => s.Status == QuestionnaireStatus.Sent).Name);

        // Loading again adds nothing.
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal(page.Total + 1, await app.WithCoreAsync(organizationId, (_, db) => db.Suppliers.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheSupplierDemo_StandsOnItsOwn_WithoutTheInventory_AndRunsOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var people = organization.People.ToDictionary(p => p.Key, p => p.Value.UserId);
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<DemoSuppliers>().RunAsync(people));
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<DemoSuppliers>().RunAsync(people));
        var (suppliers, reviewed, figures) = await app.WithCoreAsync(organization.Id, async (_, db) => (await db.Suppliers.CountAsync(),
            await db.SupplierQuestionnaires.CountAsync(q => q.Status == QuestionnaireStatus.Reviewed), await SupplierQueries.FiguresAsync(db)));
        Assert.Equal((25, 3), (suppliers, reviewed));
        Assert.Equal(["OpenAI", "Xero", "Google Cloud", "Google Workspace", "Pinecone"], figures.ExpiringCertifications.Select(c => c.SupplierName));
        Assert.Equal((15, 11, 6), (figures.KeySuppliers, figures.KeySuppliersReviewed, figures.ReviewsOverdue));
    }
}
