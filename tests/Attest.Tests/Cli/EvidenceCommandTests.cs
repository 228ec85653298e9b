using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Attest.Controls;
using Attest.Data;
using Attest.Evidence;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class EvidenceCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EvidenceAddAndList_WorkFromTheCommandLine_AndABadAddSavesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        Guid control;
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            var acme = await context.Organizations.SingleAsync(o => o.Name == "Acme");
            context.Acting.EnterOrganization(acme.Id, OrganizationRole.Admin);
            var requirements = await RequirementCodes.ResolveAsync(context, "iso27001-2022", "A.8.13", "test");
            control = await scope.ServiceProvider.GetRequiredService<SaveControl>().RunAsync(null,
                new ControlInput(null, "Backups", "Backups are taken and restored.", null, ImplementationStatus.Implemented, null, null, null, null, requirements));
            await scope.ServiceProvider.GetRequiredService<SaveEvidence>().RunAsync(null, new EvidenceInput("Old restore note", EvidenceKind.Note,
                CollectedOn: new DateOnly(2020, 1, 1), ValidUntil: new DateOnly(2020, 6, 30), Note: "Restored the file server.",
                Links: [new EvidenceLinkInput(EvidenceTarget.Control, control)]));
        }
        var folder = Directory.CreateTempSubdirectory("attest-evidence-").FullName;
        var content = Encoding.UTF8.GetBytes("%PDF-1.7 restore drill " + Guid.NewGuid());
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        // The command line stores files where the environment says (ATTEST_DATA/evidence by default): this test's file is removed at the end.
        var store = new LocalEvidenceStore(Path.Combine(DatabaseProvider.DataFolder(), "evidence", "files"));
        try
        {
            var file = Path.Combine(folder, "restore-drill.pdf");
            await File.WriteAllBytesAsync(file, content);

            var unknownControl = await AttestAsync("evidence", "add", file, "--control", "CTL-999", "--database", db, "--organization", "Acme");
            var missingFile = await AttestAsync("evidence", "add", Path.Combine(folder, "nope.pdf"), "--control", "CTL-001", "--database", db);
            var badDate = await AttestAsync("evidence", "add", file, "--control", "CTL-001", "--valid-until", "2019-01-01", "--database", db);
            var afterBad = await CountAsync(db);
            var added = await AttestAsync("evidence", "add", file, "--control", "CTL-001", "--valid-until", "2099-12-31", "--title", "Restore drill",
                "--database", db, "--organization", "Acme");
            var untitled = await AttestAsync("evidence", "add", file, "--control", "CTL-001", "--database", db);
            var list = await AttestAsync("evidence", "list", "--database", db, "--organization", "Acme");
            var stale = await AttestAsync("evidence", "list", "--stale", "--database", db);
            var otherOrganization = await AttestAsync("evidence", "list", "--database", db, "--organization", "Nobody Inc");

            Assert.Equal(1, unknownControl.Code);
            Assert.Equal("Controls: CTL-999 is not a control reference here.", unknownControl.Error.Trim());
            Assert.Equal(1, missingFile.Code);
            Assert.Contains("nope.pdf does not exist", missingFile.Error);
            Assert.Equal(1, badDate.Code);
            Assert.Contains("ValidUntil: must not be before the collection date.", badDate.Error);
            Assert.Equal((0, 1), afterBad); // only the note: nothing was saved by the failures

            Assert.Equal(0, added.Code);
            var printed = Regex.Match(added.Output.Trim(), "^(EV-\\d{6}) ([0-9a-f-]{36}) sha256 ([0-9a-f]{64})$");
            Assert.True(printed.Success, added.Output);
            Assert.Equal(("EV-000002", sha), (printed.Groups[1].Value, printed.Groups[3].Value));
            Assert.True(await store.ExistsAsync(sha));
            Assert.Equal(0, untitled.Code);
            Assert.StartsWith("EV-000003 ", untitled.Output, StringComparison.Ordinal);
            Assert.EndsWith($" sha256 {sha}", untitled.Output.Trim(), StringComparison.Ordinal);

            var details = await ItemsAsync(db);
            Assert.Equal(("Restore drill", EvidenceKind.File, (DateOnly?)new DateOnly(2099, 12, 31)), details["EV-000002"]);
            Assert.Equal(("restore-drill.pdf", EvidenceKind.File, (DateOnly?)null), details["EV-000003"]);
            Assert.Equal((2, 1), await CountAsync(db));

            Assert.Equal(0, list.Code);
            var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var lines = Lines(list.Output);
            Assert.Equal(3, lines.Length);
            Assert.Contains($"EV-000002 {today} 2099-12-31 file Restore drill", lines);
            Assert.Contains($"EV-000003 {today} - file restore-drill.pdf", lines);
            Assert.Equal("EV-000001 2020-01-01 2020-06-30 note Old restore note", lines[^1]);
            Assert.Equal(0, stale.Code);
            Assert.Equal(new[] { "EV-000001 2020-01-01 2020-06-30 note Old restore note" }, Lines(stale.Output));
            Assert.NotEqual(0, otherOrganization.Code);
            Assert.Contains("Nobody Inc", otherOrganization.Error);
        }
        finally
        {
            await store.DeleteAsync(sha);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The output's lines with runs of spaces made single, so the assertions do not depend on column widths.</summary>
    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => Regex.Replace(l, " +", " ")).ToArray();

    private static async Task<(int Files, int Notes)> CountAsync(string connection)
    {
        var items = await ItemsAsync(connection);
        return (items.Values.Count(i => i.Kind == EvidenceKind.File), items.Values.Count(i => i.Kind == EvidenceKind.Note));
    }

    private static async Task<Dictionary<string, (string Title, EvidenceKind Kind, DateOnly? ValidUntil)>> ItemsAsync(string connection)
    {
        await using var services = AttestCommandLine.CoreServices(connection);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var acme = await context.Organizations.SingleAsync(o => o.Name == "Acme");
        context.Acting.EnterOrganization(acme.Id, OrganizationRole.Admin);
        return (await context.EvidenceItems.AsNoTracking().Select(e => new { e.Reference, e.Title, e.Kind, e.ValidUntil }).ToListAsync())
            .ToDictionary(e => e.Reference, e => (e.Title, e.Kind, e.ValidUntil));
    }
}
