using System.Text.Json;
using Attest.Audit;
using Attest.Context;
using Attest.Data;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Audit;

public sealed class AuditTrailTests
{
    private static InterestedPartyInput Party(string name, string requirements = "Their data kept confidential") =>
        new(name, PartyKind.External, ManagementSystem.Both, requirements, "Contract clauses", null);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnUpdate_RecordsWhoWhenAndEachChangedFieldBeforeAndAfter(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var id = await app.WithCoreAsync(organization.Id, (services, db) =>
        {
            db.Acting.IdentifyUser(organization[Attest.Organizations.OrganizationRole.Manager].UserId, "casey@test.example", AuditChannel.Api);
            return services.GetRequiredService<SaveInterestedParty>().RunAsync(null, Party("Clients"));
        });
        await app.WithCoreAsync(organization.Id, (services, db) =>
        {
            db.Acting.IdentifyUser(organization[Attest.Organizations.OrganizationRole.Manager].UserId, "casey@test.example", AuditChannel.Ui);
            return services.GetRequiredService<SaveInterestedParty>().RunAsync(id, Party("Clients", "Certification") with { Version = 1 });
        });

        var entries = await app.WithCoreAsync(organization.Id, (_, db) =>
            db.AuditEntries.Where(e => e.RecordType == nameof(InterestedParty) && e.RecordId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync());

        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("casey@test.example", e.Actor));
        Assert.Equal(AuditChannel.Api, entries[0].Channel);
        Assert.Equal(AuditChannel.Ui, entries[1].Channel);
        var changes = JsonDocument.Parse(entries[1].Changes).RootElement;
        Assert.Equal("Their data kept confidential", changes.GetProperty("Requirements").GetProperty("before").GetString());
        Assert.Equal("Certification", changes.GetProperty("Requirements").GetProperty("after").GetString());
        Assert.False(changes.TryGetProperty("Name", out _), "Unchanged fields are not recorded.");
        Assert.Equal(organization.Id, entries[1].OrganizationId);
        Assert.True(entries[1].OccurredAt >= entries[0].OccurredAt);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnIntactChain_Verifies(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await AddPartiesAsync(app, organization.Id, 3);

        var result = await VerifyAsync(app, organization.Id);

        Assert.True(result.IsIntact, result.Problem);
        Assert.True(result.EntriesChecked > 5);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnEntryAlteredInTheDatabase_IsReportedByItsSequence(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await AddPartiesAsync(app, organization.Id, 3);
        var target = await app.WithCoreAsync(organization.Id, (_, db) =>
            db.AuditEntries.Where(e => e.RecordType == nameof(InterestedParty)).OrderBy(e => e.Sequence).Select(e => e.Sequence).FirstAsync());

        await app.WithCoreAsync(null, (_, db) => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AuditEntries\" SET \"Changes\" = {"{\"Name\":{\"after\":\"Forged\"}}"} WHERE \"OrganizationId\" = {organization.Id} AND \"Sequence\" = {target}"));
        var result = await VerifyAsync(app, organization.Id);

        Assert.False(result.IsIntact);
        Assert.Equal(target, result.FirstBrokenSequence);
        Assert.Contains("altered", result.Problem);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnEntryDeletedFromTheMiddleOrTheEnd_IsReportedAsMissing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await AddPartiesAsync(app, organization.Id, 3);
        var last = await app.WithCoreAsync(organization.Id, (_, db) => db.AuditEntries.MaxAsync(e => e.Sequence));

        await app.WithCoreAsync(null, (_, db) => db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM \"AuditEntries\" WHERE \"OrganizationId\" = {organization.Id} AND \"Sequence\" = {last}"));
        var tail = await VerifyAsync(app, organization.Id);
        await app.WithCoreAsync(null, (_, db) => db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM \"AuditEntries\" WHERE \"OrganizationId\" = {organization.Id} AND \"Sequence\" = {3}"));
        var middle = await VerifyAsync(app, organization.Id);

        Assert.Equal(last, tail.FirstBrokenSequence);
        Assert.Contains("missing", tail.Problem);
        Assert.Equal(3, middle.FirstBrokenSequence);
        Assert.Contains("entry 3 is missing", middle.Problem);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SecretFields_AreNeverWrittenIntoTheTrail(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        var userEntries = await app.WithCoreAsync(organization.Id, (_, db) =>
            db.AuditEntries.Where(e => e.RecordType == "User").Select(e => e.Changes).ToListAsync());

        Assert.NotEmpty(userEntries);
        Assert.All(userEntries, changes => Assert.DoesNotContain("AQAAAA", changes));
        Assert.Contains(userEntries, changes => changes.Contains("\"PasswordHash\":{\"after\":\"(secret)\"}"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConcurrentWriters_ExtendOneUnbrokenChain(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => AddPartiesAsync(app, organization.Id, 3, $"W{i}")));
        var result = await VerifyAsync(app, organization.Id);
        var parties = await app.WithCoreAsync(organization.Id, (_, db) => db.InterestedParties.CountAsync());

        Assert.Equal(24, parties);
        Assert.True(result.IsIntact, result.Problem);
    }

    private static async Task AddPartiesAsync(TestApp app, Guid organizationId, int count, string prefix = "Party")
    {
        for (var i = 0; i < count; i++)
        {
            await app.WithCoreAsync(organizationId, (services, _) => services.GetRequiredService<SaveInterestedParty>().RunAsync(null, Party($"{prefix} {i}")));
        }
    }

    private static Task<AuditVerification> VerifyAsync(TestApp app, Guid organizationId) =>
        app.WithCoreAsync(null, async (services, _) => (await services.GetRequiredService<VerifyAuditTrail>().RunAsync(organizationId)).Single());
}
