using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attest.Evidence;
using Attest.Organizations;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Evidence;

public sealed class EvidenceImportTests
{
    private const string Header = "File,Title,Controls,Collected on,Valid until,Description,Requirements";

    private static readonly byte[] Report = Encoding.UTF8.GetBytes("%PDF-1.7 quarterly access review " + Guid.NewGuid());
    private static readonly byte[] Backup = Encoding.UTF8.GetBytes("restore test passed " + Guid.NewGuid());

    /// <summary>A ZIP of the given entries, written the way archivers write them.</summary>
    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static (string, byte[]) Manifest(params string[] rows) => ("manifest.csv", Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n"));

    private static Task<EvidenceImportResult> ImportAsync(TestApp app, TestOrganization organization, byte[] zip) =>
        app.WithCoreAsync(organization.Id, (services, _) => services.GetRequiredService<ImportEvidenceZip>().RunAsync(new MemoryStream(zip)));

    private static async Task<string[]> ErrorsOfAsync(TestApp app, TestOrganization organization, byte[] zip)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => ImportAsync(app, organization, zip));
        return refused.Errors["File"];
    }

    private static async Task AssertNothingSavedAsync(TestApp app, TestOrganization organization)
    {
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceItems.CountAsync()));
        Assert.Equal(0, await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceFiles.CountAsync()));
        var incoming = Path.Combine(app.EvidenceFolder, "incoming");
        Assert.Empty(Directory.Exists(incoming) ? Directory.EnumerateFiles(incoming) : []);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AGoodZip_ImportsEveryFile_WithItsLinksDatesAndHash(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var access = await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var backups = await app.AddControlAsync(organization, "Backups", "A.8.13");
        var requirement = await app.RequirementIdAsync(organization, "iso27001-2022", "A.8.13");
        var zip = Zip(
            Manifest(
                "reviews/q3-access-review.pdf,Q3 access review,CTL-001,2026-01-10,2026-12-31,Every account checked,",
                "./backups\\restore.log,Restore test,\"CTL-001, CTL-002\",,,,Annex A 8.13",
                "reviews/q3-copy.pdf,Q3 access review (copy),CTL-002,,,,"),
            ("reviews/q3-access-review.pdf", Report),
            ("backups/restore.log", Backup),
            ("reviews/q3-copy.pdf", Report),
            ("reviews/", []),
            ("__MACOSX/reviews/._q3-access-review.pdf", [0, 5, 22, 7]));
        var manager = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Manager], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);
        var contributor = app.Server.WithToken((await app.IssueTokenAsync(organization, organization[OrganizationRole.Contributor], Attest.Accounts.ApiTokenScope.ReadWrite)).Token);

        var forbidden = await contributor.PostAsync("/api/v1/evidence/import", new ByteArrayContent(zip));
        var imported = await manager.PostAsync("/api/v1/evidence/import", new ByteArrayContent(zip));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 2), (result.GetProperty("created").GetInt32(), result.GetProperty("filesStored").GetInt32()));
        var items = await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceItems.AsNoTracking().OrderBy(e => e.Reference)
            .Select(e => new
            {
                e.Reference, e.Title, e.Description, e.Kind, e.Source, e.FileName, e.CollectedOn, e.ValidUntil,
                Sha256 = db.EvidenceFiles.Where(f => f.Id == e.FileId).Select(f => f.Sha256).FirstOrDefault(),
                Links = db.EvidenceLinks.Where(l => l.EvidenceId == e.Id).Select(l => new { l.Target, l.TargetId }).ToList(),
            })
            .ToListAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var reportHash = Convert.ToHexStringLower(SHA256.HashData(Report));
        var backupHash = Convert.ToHexStringLower(SHA256.HashData(Backup));
        Assert.Equal(new[] { "EV-000001", "EV-000002", "EV-000003" }, items.Select(i => i.Reference));
        Assert.All(items, i => Assert.Equal((EvidenceKind.File, EvidenceSource.Import), (i.Kind, i.Source)));

        Assert.Equal(("Q3 access review", "Every account checked", "q3-access-review.pdf"), (items[0].Title, items[0].Description, items[0].FileName));
        Assert.Equal((new DateOnly(2026, 1, 10), (DateOnly?)new DateOnly(2026, 12, 31)), (items[0].CollectedOn, items[0].ValidUntil));
        Assert.Equal(reportHash, items[0].Sha256);
        Assert.Equal(new[] { (EvidenceTarget.Control, access) }, items[0].Links.Select(l => (l.Target, l.TargetId)));

        Assert.Equal(("Restore test", "restore.log", backupHash), (items[1].Title, items[1].FileName, items[1].Sha256));
        Assert.True(items[1].CollectedOn >= today.AddDays(-1) && items[1].ValidUntil is null);
        Assert.Equal(
            new[] { (EvidenceTarget.Control, access), (EvidenceTarget.Control, backups), (EvidenceTarget.Requirement, requirement) }.Order(),
            items[1].Links.Select(l => (l.Target, l.TargetId)).Order());

        Assert.Equal(reportHash, items[2].Sha256); // the same content is stored once
        Assert.Equal(2, await app.WithCoreAsync(organization.Id, (_, db) => db.EvidenceFiles.CountAsync()));
        foreach (var (hash, content) in new[] { (reportHash, Report), (backupHash, Backup) })
        {
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(app.EvidenceFolder, "files", hash[..2], hash[2..4], hash)));
        }
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.EvidenceFolder, "incoming")));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OneBadRow_ImportsNothing_AndEveryProblemNamesItsRow(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var zip = Zip(
            Manifest(
                "review.pdf,Access review,CTL-001,2026-01-10,,,",
                "restore.log,Restore test,CTL-999,,,,",
                "missing.pdf,Missing file,CTL-001,,,,",
                "policy.pdf,Policy scan,CTL-001,2026-02-01,31/12/2026,,",
                "late.pdf,Late,CTL-001,2026-03-01,2026-02-01,,",
                "review.pdf,Same file again,CTL-001,,,,",
                "untitled.pdf,,CTL-001,,,,"),
            ("review.pdf", Report),
            ("restore.log", Backup),
            ("policy.pdf", Report),
            ("late.pdf", Report),
            ("untitled.pdf", Report));

        var errors = await ErrorsOfAsync(app, organization, zip);

        Assert.Equal(
            new[]
            {
                "manifest.csv row 3: Controls: CTL-999 is not a control reference here.",
                "manifest.csv row 4: File: missing.pdf is not in the ZIP.",
                "manifest.csv row 5: Valid until: '31/12/2026' is not a date; write it as yyyy-MM-dd.",
                "manifest.csv row 6: Valid until: must not be before Collected on.",
                "manifest.csv row 7: File: review.pdf is also on row 2; name each file once.",
                "manifest.csv row 8: Title: is required.",
            },
            errors);
        await AssertNothingSavedAsync(app, organization);

        // The page says the same, and that nothing was imported.
        var browser = await app.SignInAsync(organization[OrganizationRole.Manager]);
        var form = await browser.GetPageAsync("/evidence/import");
        var token = WebUtility.HtmlDecode(Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "file", "evidence.zip" },
        };
        var page = await browser.Http.PostAsync("/evidence/import", upload);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was imported.", html);
        Assert.Contains("File: manifest.csv row 3: Controls: CTL-999 is not a control reference here.", html);
        await AssertNothingSavedAsync(app, organization);

        var contributor = await app.SignInAsync(organization[OrganizationRole.Contributor]);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/evidence/import")).StatusCode);
    }

    [Fact]
    public async Task UnsafePaths_AreRejected_InTheZipAndInTheManifest()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Access reviews", "A.5.18");
        var zip = Zip(
            Manifest(
                "../outside.pdf,Climbs out,CTL-001,,,,",
                "/etc/passwd,Absolute,CTL-001,,,,",
                "C:/Windows/win.ini,A drive,CTL-001,,,,"),
            ("../outside.pdf", Report),
            ("docs/..\\..\\evil.pdf", Report));

        var errors = await ErrorsOfAsync(app, organization, zip);

        Assert.Equal(
            new[]
            {
                "ZIP entry '../outside.pdf' has an unsafe path (absolute, with a drive, or with '..'); keep every file inside the ZIP.",
                "ZIP entry 'docs/..\\..\\evil.pdf' has an unsafe path (absolute, with a drive, or with '..'); keep every file inside the ZIP.",
                "manifest.csv row 2: File: '../outside.pdf' is not a safe path of a file inside the ZIP.",
                "manifest.csv row 3: File: '/etc/passwd' is not a safe path of a file inside the ZIP.",
                "manifest.csv row 4: File: 'C:/Windows/win.ini' is not a safe path of a file inside the ZIP.",
            },
            errors);
        await AssertNothingSavedAsync(app, organization);
    }

    [Fact]
    public async Task EntriesTheManifestDoesNotName_AreRejected_AsIsAZipWithoutAManifest()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Access reviews", "A.5.18");

        var unnamed = await ErrorsOfAsync(app, organization, Zip(
            Manifest("review.pdf,Access review,CTL-001,,,,"),
            ("review.pdf", Report),
            ("notes/extra.txt", Backup),
            (".DS_Store", [0, 0, 0, 1])));
        var noManifest = await ErrorsOfAsync(app, organization, Zip(("review.pdf", Report)));
        var notAZip = await ErrorsOfAsync(app, organization, Encoding.UTF8.GetBytes("File,Title,Controls\r\nreview.pdf,Review,CTL-001\r\n"));
        var unknownColumn = await ErrorsOfAsync(app, organization, Zip(("manifest.csv", Encoding.UTF8.GetBytes("File,Title,Controls,Colour\r\nreview.pdf,Review,CTL-001,red\r\n")),
            ("review.pdf", Report)));

        Assert.Equal(new[] { "ZIP entry 'notes/extra.txt' is not named in manifest.csv; list it or leave it out of the ZIP." }, unnamed);
        Assert.Equal(new[] { "The ZIP has no manifest.csv at its top level; add one with the columns File, Title, Controls, Collected on, Valid until, Description, Requirements, Risks, Documents." },
            noManifest);
        Assert.StartsWith("The upload is not a ZIP file Attest can read", Assert.Single(notAZip), StringComparison.Ordinal);
        Assert.StartsWith("manifest.csv: column 'Colour' is not a manifest column", Assert.Single(unknownColumn), StringComparison.Ordinal);
        await AssertNothingSavedAsync(app, organization);
    }

    [Fact]
    public async Task AFileOverTheUploadLimit_IsCountedAsItExpands_AndImportsNothing()
    {
        await using var app = await TestApp.StartAsync(await TestDatabase.CreateAsync("sqlite"), maxUploadBytes: 4096);
        var organization = await app.SeedOrganizationAsync();
        await app.AddControlAsync(organization, "Logging", "A.8.15");
        // A megabyte of zeros compresses to about a kilobyte: only reading it shows how large it is.
        var zip = Zip(
            Manifest("small.log,Small log,CTL-001,,,,", "huge.log,Huge log,CTL-001,,,,"),
            ("small.log", Backup),
            ("huge.log", new byte[1024 * 1024]));
        Assert.True(zip.Length < 16 * 1024);

        var errors = await ErrorsOfAsync(app, organization, zip);

        Assert.StartsWith("manifest.csv row 3: File: huge.log is larger than the limit", Assert.Single(errors), StringComparison.Ordinal);
        await AssertNothingSavedAsync(app, organization);
    }

    [Theory]
    [InlineData("a.pdf", "a.pdf")]
    [InlineData("./docs\\a.pdf", "docs/a.pdf")]
    [InlineData("docs//a.pdf", "docs/a.pdf")]
    [InlineData("docs/", "docs/")]
    [InlineData("../a.pdf", null)]
    [InlineData("docs/../../a.pdf", null)]
    [InlineData("/a.pdf", null)]
    [InlineData("\\\\server\\share\\a.pdf", null)]
    [InlineData("C:a.pdf", null)]
    [InlineData("a\u0000.pdf", null)]
    [InlineData(".", null)]
    public void EntryPaths_AreNormalised_AndUnsafeOnesHaveNone(string name, string? expected) =>
        Assert.Equal(expected, ImportEvidenceZip.EntryPath(name));
}
