using System.IO.Compression;
using Attest.Audit;
using Attest.Backup;
using Attest.Context;
using Attest.Data;
using Attest.Demo;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Backup;

public sealed class BackupRoundTripTests
{
    [Fact]
    public async Task ABackup_RoundTripsSqliteToPostgresToSqlite_WithEveryRecordEqual()
    {
        await using var first = await TestApp.StartOwnAsync("sqlite");
        await first.WithCoreAsync(null, (s, _) => s.GetRequiredService<LoadDemoOrganization>().RunAsync());
        var organizationId = await first.WithCoreAsync(null, (_, db) => db.Organizations.Where(o => o.Name == LoadDemoOrganization.OrganizationName).Select(o => o.Id).SingleAsync());
        var original = await BackupAsync(first, organizationId);

        await using var postgres = await TestApp.StartOwnAsync("postgres");
        await RestoreAsync(postgres, original);
        var viaPostgres = await BackupAsync(postgres, organizationId);

        await using var last = await TestApp.StartOwnAsync("sqlite");
        await RestoreAsync(last, viaPostgres);
        var roundTripped = await BackupAsync(last, organizationId);

        var before = Contents(original);
        Assert.True(before["data/AuditEntry.jsonl"].Length > 20, "The demo has an audit trail worth comparing.");
        Assert.True(before["data/User.jsonl"].Length == 5);
        Assert.Equal(before, Contents(viaPostgres));
        Assert.Equal(before, Contents(roundTripped));

        var verification = await last.WithCoreAsync(null, async (s, _) => (await s.GetRequiredService<VerifyAuditTrail>().RunAsync(organizationId)).Single());
        Assert.True(verification.IsIntact, verification.Problem);
        var admin = await last.WithCoreAsync(null, (_, db) => db.Users.SingleAsync(u => u.Email == "admin@lumen.example"));
        Assert.NotNull(admin.PasswordHash);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RestoringIntoADatabaseThatHoldsTheOrganization_IsRefusedAndChangesNothing(string provider)
    {
        await using var app = await TestApp.StartOwnAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var backup = await BackupAsync(app, organization.Id);
        var parties = await app.WithCoreAsync(null, (_, db) => db.InterestedParties.IgnoreQueryFilters().CountAsync());

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => RestoreAsync(app, backup));

        Assert.Contains("already exists", error.Message);
        Assert.Equal(parties, await app.WithCoreAsync(null, (_, db) => db.InterestedParties.IgnoreQueryFilters().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ABackupWithABadRow_IsRejectedNamingTheFileAndLine_AndRestoresNothing(string provider)
    {
        await using var source = await TestApp.StartOwnAsync("sqlite");
        var organization = await source.SeedOrganizationAsync();
        await source.WithCoreAsync(organization.Id, (s, _) => s.GetRequiredService<UpdateScope>().RunAsync(Context.ScopeTests.Scope("S", 0)));
        var backup = Tamper(await BackupAsync(source, organization.Id), "data/ScopeRevision.jsonl", "{\"Revision\":\"not a number\"}");

        await using var target = await TestApp.StartOwnAsync(provider);
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => RestoreAsync(target, backup));

        Assert.Contains("data/ScopeRevision.jsonl line 2", error.Errors.Keys.Single());
        Assert.Equal(0, await target.WithCoreAsync(null, (_, db) => db.Organizations.CountAsync()));
        Assert.Equal(0, await target.WithCoreAsync(null, (_, db) => db.Users.CountAsync()));
    }

    [Fact]
    public async Task AFileThatIsNotABackup_IsRejected()
    {
        await using var app = await TestApp.StartOwnAsync("sqlite");

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => RestoreAsync(app, "just text"u8.ToArray()));

        Assert.Contains("not a ZIP", error.Message);
    }

    internal static Task<byte[]> BackupAsync(TestApp app, Guid organizationId) => app.WithCoreAsync(null, async (s, _) =>
    {
        using var stream = new MemoryStream();
        await s.GetRequiredService<BackupOrganization>().RunAsync(organizationId, stream);
        return stream.ToArray();
    });

    internal static Task RestoreAsync(TestApp app, byte[] backup) => app.WithCoreAsync(null, async (s, _) =>
    {
        using var stream = new MemoryStream(backup);
        await s.GetRequiredService<RestoreOrganization>().RunAsync(stream);
    });

    private static Dictionary<string, string[]> Contents(byte[] backup)
    {
        using var zip = new ZipArchive(new MemoryStream(backup));
        return zip.Entries.Where(e => e.FullName.StartsWith("data/", StringComparison.Ordinal)).ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        });
    }

    private static byte[] Tamper(byte[] backup, string entryName, string extraLine)
    {
        using var copy = new MemoryStream();
        copy.Write(backup);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName)!;
            string text;
            using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(text + extraLine + "\n");
        }
        return copy.ToArray();
    }
}
