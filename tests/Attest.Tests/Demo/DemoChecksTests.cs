using Attest.Checks;
using Attest.Demo;
using Attest.Evidence;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Demo;

[Collection(LoadedDemo.Collection)]
public sealed class DemoChecksTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoChecks_AimAtTheDemoItself_AndTheBackupJobHasPushedResults(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);

        var checks = await app.WithCoreAsync(organizationId, (_, db) => CheckQueries.ListAsync(db));
        var database = provider == "postgres" ? CheckKind.Postgres : CheckKind.Command;
        Assert.Equal([(CheckKind.HttpHeaders, "Attest security headers"), (CheckKind.Tls, "Attest TLS certificate"), (database, provider == "postgres" ? "Attest database settings" : "Attest database file permissions"), (CheckKind.Push, "Nightly backup job")],
            checks.OrderBy(c => c.Kind == CheckKind.Push).ThenBy(c => c.Kind == database).ThenBy(c => c.Name).Select(c => (c.Kind, c.Name)));
        Assert.All(checks.Where(c => c.Kind != CheckKind.Push), c => Assert.NotNull(c.NextRunAt));

        // Four pushed results; the third failed, so the owners heard about it; the last passed.
        var backup = checks.Single(c => c.Kind == CheckKind.Push);
        Assert.Equal((true, "14 databases, 213 GB, retried after quota raise"), (backup.LastPassed!.Value, backup.LastSummary));
        var results = await app.WithCoreAsync(organizationId, (_, db) => db.EvidenceItems.AsNoTracking().Where(e => e.CheckId == backup.Id).OrderBy(e => e.Reference).Select(e => e.Passed).ToListAsync());
        Assert.Equal([true, true, false, true], results.Select(r => r!.Value));
        Assert.True(await app.WithCoreAsync(organizationId, (_, db) => db.Notifications.AnyAsync(n => n.Text.Contains("Nightly backup job"))));
        var links = await app.WithCoreAsync(organizationId, (_, db) => db.EvidenceLinks.AsNoTracking()
            .Where(l => db.EvidenceItems.Any(e => e.Id == l.EvidenceId && e.CheckId == backup.Id)).Select(l => l.Target).Distinct().ToListAsync());
        Assert.Equal([EvidenceTarget.Control], links);
    }
}
