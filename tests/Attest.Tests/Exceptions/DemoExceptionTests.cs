using Attest.Demo;
using Attest.Exceptions;
using Attest.Risks;
using Attest.Tests.Demo;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Exceptions;

[Collection(LoadedDemo.Collection)]
public sealed class DemoExceptionTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemo_HasAHandfulOfExceptions_ApprovedByWhomTheirLevelAllows_WithExactlyOneExpired(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var (figures, rows, expired) = await app.WithCoreAsync(organizationId, async (_, db) => (await ExceptionRegister.FiguresAsync(db),
            await db.ComplianceExceptions.OrderBy(e => e.Reference).Select(e => new { e.Title, e.Status, e.ApprovalAuthority, e.DecidedBy, e.RiskLevelName, e.Subject }).ToListAsync(),
            (await ExceptionRegister.PageAsync(db, new ExceptionFilter(Status: "expired"), 1, 50)).Rows));

        Assert.Equal((3, 1, 1), (figures.InForce, figures.Expired, figures.AwaitingDecision));
        Assert.Equal(DemoExceptions.Expired, Assert.Single(expired).Title);
        var byTitle = rows.ToDictionary(r => r.Title);
        Assert.Equal(6, byTitle.Count);
        Assert.Equal((AcceptanceAuthority.Ciso, "Medium", ExceptionSubject.Control), (byTitle[DemoExceptions.LegacyDesignTool].ApprovalAuthority, byTitle[DemoExceptions.LegacyDesignTool].RiskLevelName,
            byTitle[DemoExceptions.LegacyDesignTool].Subject));
        Assert.StartsWith("Casey Ciso <", byTitle[DemoExceptions.LegacyDesignTool].DecidedBy);
        Assert.Equal(AcceptanceAuthority.RiskOwner, byTitle[DemoExceptions.DataResidency].ApprovalAuthority);
        Assert.Equal((AcceptanceAuthority.Executive, "High", ExceptionSubject.Asset), (byTitle[DemoExceptions.AgentPendingReassessment].ApprovalAuthority,
            byTitle[DemoExceptions.AgentPendingReassessment].RiskLevelName, byTitle[DemoExceptions.AgentPendingReassessment].Subject));
        Assert.StartsWith("Alex Admin <", byTitle[DemoExceptions.AgentPendingReassessment].DecidedBy);
        Assert.Equal(ExceptionStatus.Requested, byTitle[DemoExceptions.AwaitingDecision].Status);
        Assert.Equal(ExceptionStatus.Rejected, byTitle[DemoExceptions.Rejected].Status);

        // Loading again adds nothing.
        await app.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        Assert.Equal(6, await app.WithCoreAsync(organizationId, (_, db) => db.ComplianceExceptions.CountAsync()));
    }
}
