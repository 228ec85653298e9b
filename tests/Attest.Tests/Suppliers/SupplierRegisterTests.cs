using Attest.Organizations;
using Attest.Suppliers;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Suppliers;

public sealed class SupplierRegisterTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SaveSupplier_GivesTheNextReference_AndRefusesEveryBrokenFieldByName(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var saved = await app.WithCoreAsync(organization.Id, async (s, db) =>
        {
            var id = await s.GetRequiredService<SaveSupplier>().RunAsync(null, new SupplierInput("Hyperscale Cloud", "Hosting", SupplierCriticality.Critical,
                DataClassification: "confidential", LastReviewOn: new DateOnly(2026, 1, 15), Website: "https://cloud.example"));
            return await SupplierQueries.DetailAsync(db, id);
        });
        // The level is spelled as the organization spells it; the next review follows the criticality (critical: 12 months).
        Assert.Equal(("SUP-001", "Confidential", new DateOnly(2027, 1, 15)), (saved.Reference, saved.DataClassification, saved.NextReviewOn));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<SaveSupplier>().RunAsync(null, new SupplierInput("hyperscale cloud", DataClassification: "Top secret", Subprocessor: true,
                ContractStartOn: new DateOnly(2026, 5, 1), ContractEndOn: new DateOnly(2026, 4, 1), Website: "javascript:alert(1)", ContactEmail: "not an address"))));
        Assert.Contains("already called", refused.Errors["Name"].Single());
        Assert.Contains("'Top secret' is not a classification level of this organization; use Public, Internal, Confidential, Restricted.", refused.Errors["DataClassification"].Single());
        Assert.Contains("tick 'processes personal data'", refused.Errors["Subprocessor"].Single());
        Assert.Contains("must not be before the contract start", refused.Errors["ContractEndOn"].Single());
        Assert.Contains("is not a web address", refused.Errors["Website"].Single());
        Assert.Contains("is not an e-mail address", refused.Errors["ContactEmail"].Single());
        Assert.Equal(1, await app.WithCoreAsync(organization.Id, (_, db) => db.Suppliers.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UpdatingWithAStaleVersion_IsAConflict_AndRemovingTakesCertificationsAndQuestionnairesAlong(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var seeded = await app.AddSupplierAsync(organization);
        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSupplier>().RunAsync(seeded.Id,
            new SupplierInput("Cloud host", "Hosting and CDN", SupplierCriticality.Critical, ProcessesPersonalData: true, Subprocessor: true, Version: 1)));
        await Assert.ThrowsAsync<EditConflictException>(() => app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<SaveSupplier>().RunAsync(seeded.Id,
            new SupplierInput("Cloud host", "Something else", Version: 1))));
        Assert.Equal("Hosting and CDN", await app.WithCoreAsync(organization.Id, (_, db) => db.Suppliers.Select(x => x.Service).SingleAsync()));

        await app.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<RemoveSupplier>().RunAsync(seeded.Id, 2));
        Assert.Equal((0, 0, 0, 0), await app.WithCoreAsync(organization.Id, async (_, db) =>
            (await db.Suppliers.CountAsync(), await db.SupplierCertifications.CountAsync(), await db.SupplierQuestionnaires.CountAsync(), await db.SupplierAnswers.CountAsync())));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RecordingAReview_SetsTheNextOneByCriticality_AndKeepsTheNote(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (critical, low) = await app.WithCoreAsync(organization.Id, async (s, _) => (
            await s.GetRequiredService<SaveSupplier>().RunAsync(null, new SupplierInput("Model API", Criticality: SupplierCriticality.Critical)),
            await s.GetRequiredService<SaveSupplier>().RunAsync(null, new SupplierInput("Stationery", Criticality: SupplierCriticality.Low))));
        var on = new DateOnly(2026, 3, 1);
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            await s.GetRequiredService<RecordSupplierReview>().RunAsync(critical, on, null, SupplierCriticality.High, "SOC 2 report read; **no** exceptions.", 1);
            await s.GetRequiredService<RecordSupplierReview>().RunAsync(low, on, null, null, "Nothing of note.", 1);
        });
        var (c, l) = await app.WithCoreAsync(organization.Id, async (_, db) => (await SupplierQueries.DetailAsync(db, critical), await SupplierQueries.DetailAsync(db, low)));
        Assert.Equal((on, new DateOnly(2027, 3, 1), SupplierCriticality.High), (c.LastReviewOn, c.NextReviewOn, c.RiskLevel));
        Assert.Equal(new DateOnly(2029, 3, 1), l.NextReviewOn);
        Assert.Contains("Security review 2026-03-01", c.Notes);
        Assert.Contains("SOC 2 report read; **no** exceptions.", c.Notes);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (s, _) =>
            s.GetRequiredService<RecordSupplierReview>().RunAsync(critical, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), null, null, "", 2)));
        Assert.Equal(["ReviewedOn", "Note"], refused.Errors.Keys.Order().Reverse());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Figures_CountCertificationsExpiringWithinSixtyDays_TodayAndTheSixtiethDayIncluded(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var save = s.GetRequiredService<SaveSupplier>();
            var certify = s.GetRequiredService<SaveSupplierCertification>();
            // Reviewed and current; its certificate runs out on the 60th day.
            var a = await save.RunAsync(null, new SupplierInput("Alpha", Criticality: SupplierCriticality.Critical, LastReviewOn: today.AddMonths(-1)));
            await certify.RunAsync(a, null, new CertificationInput("ISO/IEC 27001", today.AddDays(60)));
            await certify.RunAsync(a, null, new CertificationInput("SOC 2 Type II", today.AddDays(61)));
            // Review overdue, a sub-processor without a DPA; one certificate runs out today, one expired yesterday.
            var b = await save.RunAsync(null, new SupplierInput("Bravo", Criticality: SupplierCriticality.High, ProcessesPersonalData: true, Subprocessor: true,
                LastReviewOn: today.AddYears(-2), NextReviewOn: today.AddDays(-1)));
            await certify.RunAsync(b, null, new CertificationInput("ISO/IEC 27001", today));
            await certify.RunAsync(b, null, new CertificationInput("ISO/IEC 42001", today.AddDays(-1)));
            // Never reviewed: counts against the key suppliers.
            await save.RunAsync(null, new SupplierInput("Charlie", Criticality: SupplierCriticality.Critical, ProcessesPersonalData: true, Subprocessor: true,
                DpaSignedOn: today.AddYears(-1)));
            // Medium and offboarded suppliers are outside the key figure; an offboarded one is outside every figure.
            await save.RunAsync(null, new SupplierInput("Delta", Criticality: SupplierCriticality.Medium));
            var gone = await save.RunAsync(null, new SupplierInput("Echo", Criticality: SupplierCriticality.Critical, Status: SupplierStatus.Offboarded, NextReviewOn: today.AddDays(-9)));
            await certify.RunAsync(gone, null, new CertificationInput("ISO/IEC 27001", today.AddDays(5)));
        });
        var (figures, expiringPage, overduePage) = await app.WithCoreAsync(organization.Id, async (_, db) => (await SupplierQueries.FiguresAsync(db),
            await SupplierQueries.PageAsync(db, new SupplierFilter(CertificationExpiring: true), 1, 50),
            await SupplierQueries.PageAsync(db, new SupplierFilter(ReviewOverdue: true), 1, 50)));

        Assert.Equal((3, 1, 33), (figures.KeySuppliers, figures.KeySuppliersReviewed, figures.KeySuppliersReviewedPercent));
        Assert.Equal(["Bravo: ISO/IEC 27001 (0)", "Alpha: ISO/IEC 27001 (60)"], figures.ExpiringCertifications.Select(c => $"{c.SupplierName}: {c.Name} ({c.DaysLeft})"));
        Assert.Equal((1, 1, 4), (figures.SubprocessorsWithoutDpa, figures.ReviewsOverdue, figures.Total));
        Assert.Equal(["Alpha", "Bravo"], expiringPage.Rows.Select(r => r.Name));
        Assert.Equal(("Bravo", 1, 1), (overduePage.Rows.Single().Name, overduePage.Rows.Single().CertificationsExpiring, overduePage.Rows.Single().CertificationsExpired));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheRegister_FiltersBySearchCriticalityPersonalDataSubprocessorAndOwner_FiftyAPage(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var owner = organization[OrganizationRole.Contributor].UserId;
        await app.WithCoreAsync(organization.Id, async (s, _) =>
        {
            var save = s.GetRequiredService<SaveSupplier>();
            for (var i = 0; i < 52; i++)
            {
                await save.RunAsync(null, new SupplierInput($"Vendor {i:00}", i % 2 == 0 ? "Payroll" : "Design", i < 3 ? SupplierCriticality.High : SupplierCriticality.Low,
                    ProcessesPersonalData: i % 2 == 0, Subprocessor: i % 4 == 0, OwnerId: i < 5 ? owner : null));
            }
        });
        Task<SupplierPage> PageAsync(SupplierFilter filter, int page = 1) => app.WithCoreAsync(organization.Id, (_, db) => SupplierQueries.PageAsync(db, filter, page, 50));

        var first = await PageAsync(new SupplierFilter());
        Assert.Equal((50, true, 52), (first.Rows.Count, first.HasMore, first.Total));
        Assert.Equal(["Vendor 50", "Vendor 51"], (await PageAsync(new SupplierFilter(), 2)).Rows.Select(r => r.Name));
        Assert.Equal(26, (await PageAsync(new SupplierFilter("payroll"))).Total);
        Assert.Equal(3, (await PageAsync(new SupplierFilter(Criticality: SupplierCriticality.High))).Total);
        Assert.Equal(26, (await PageAsync(new SupplierFilter(PersonalData: false))).Total);
        Assert.Equal(13, (await PageAsync(new SupplierFilter(Subprocessor: true))).Total);
        Assert.Equal(5, (await PageAsync(new SupplierFilter(OwnerId: owner))).Total);
        Assert.Equal("Vendor 51", (await PageAsync(new SupplierFilter(Sort: SupplierSort.Name, Descending: true))).Rows[0].Name);
    }
}
