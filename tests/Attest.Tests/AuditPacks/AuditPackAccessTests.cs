using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attest.Accounts;
using Attest.AuditPacks;
using Attest.Organizations;
using Attest.Tests.Support;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.AuditPacks;

public sealed class AuditPackAccessTests
{
    [Fact]
    public async Task AuditorExportsAndVerifiesFromThePage_EmployeeIsForbidden_AndAFutureDateIsRefused()
    {
        await using var app = await TestApp.StartOwnAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.AddPublishedDocumentAsync(organization, "Access Control Policy", redraft: false);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/audit-pack")).StatusCode);

        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);
        Assert.Contains("none yet", await auditor.GetPageAsync("/audit-pack"));
        var export = await auditor.PostFormAsync("/audit-pack?handler=Export", new() { ["AsAt"] = today }, "/audit-pack");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        var zip = await export.Content.ReadAsByteArrayAsync();
        Assert.True(VerifyAuditPack.Run(new MemoryStream(zip)).Ok);

        var future = await auditor.PostFormAsync("/audit-pack?handler=Export", new() { ["AsAt"] = tomorrow }, "/audit-pack");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains($"asAt: {tomorrow} is in the future", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()));

        using var upload = new MultipartFormDataContent();
        var token = System.Text.RegularExpressions.Regex.Match(await auditor.GetPageAsync("/audit-pack"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        upload.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        upload.Add(new ByteArrayContent(zip), "file", "pack.zip");
        var verified = WebUtility.HtmlDecode(await (await auditor.Http.PostAsync("/audit-pack?handler=Verify", upload)).Content.ReadAsStringAsync());
        Assert.Contains("The pack verifies.", verified);
        Assert.Contains("It was signed with this organization's key.", verified);
        Assert.Contains($"<td>{today}</td>", verified);
    }

    [Fact]
    public async Task Api_ExportsAsAtADay_RefusesTheFuture_AndVerifiesAnUploadedPack()
    {
        await using var app = await TestApp.StartOwnAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var manager = organization[OrganizationRole.Manager];
        var api = app.Server.WithToken((await app.IssueTokenAsync(organization, manager, ApiTokenScope.ReadWrite)).Token);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var future = await api.GetAsync($"/api/v1/audit-pack?asAt={today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("\"asAt\"", await future.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/audit-pack?asAt=23-11-2026")).StatusCode);

        var export = await api.GetAsync($"/api/v1/audit-pack?asAt={today:yyyy-MM-dd}");
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        var zip = await export.Content.ReadAsByteArrayAsync();
        var verified = await (await api.PostAsync("/api/v1/audit-pack/verify", new ByteArrayContent(zip))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verified.GetProperty("ok").GetBoolean());
        Assert.True(verified.GetProperty("keyIsOurs").GetBoolean());
        var broken = AuditPackSeeds.Rewrite(zip, files => files["README.txt"] = [.. files["README.txt"], (byte)'!']);
        var refused = await (await api.PostAsync("/api/v1/audit-pack/verify", new ByteArrayContent(broken))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal("README.txt", refused.GetProperty("file").GetString());

        var overview = await api.GetFromJsonAsync<JsonElement>("/api/v1/audit-pack");
        Assert.Equal(1, overview.GetProperty("exports").GetArrayLength());
        Assert.Equal(overview.GetProperty("keyFingerprint").GetString(), verified.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public async Task Cli_ExportPrintsCountAndDigest_VerifyExitsZeroOnlyWhenEveryFileMatches()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var folder = Directory.CreateTempSubdirectory("attest-pack-");
        try
        {
            var file = Path.Combine(folder.FullName, "pack.zip");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);

            var export = await AttestAsync("pack", "export", "--database", db, "--as-at", today.ToString("yyyy-MM-dd"), "-o", file);
            Assert.Equal(0, export.Code);
            var files = AuditPackSeeds.Read(await File.ReadAllBytesAsync(file)).Count - 3;
            Assert.Contains($"files: {files}\n", export.Output.Replace("\r", "", StringComparison.Ordinal));
            Assert.Matches("manifest SHA-256: [0-9a-f]{64}", export.Output);

            var good = await AttestAsync("pack", "verify", file);
            Assert.Equal(0, good.Code);
            Assert.StartsWith($"ok: {files} files match", good.Output);
            var ours = await AttestAsync("pack", "verify", file, "--database", db, "--organization", "Acme");
            Assert.Equal(0, ours.Code);
            Assert.Contains("It was signed with this organization's key.", ours.Output);

            await File.WriteAllBytesAsync(file, AuditPackSeeds.Rewrite(await File.ReadAllBytesAsync(file), f => f["README.txt"][0] ^= 0x20));
            var bad = await AttestAsync("pack", "verify", file);
            Assert.Equal((1, "README.txt: SHA-256 differs from the manifest."), (bad.Code, bad.Error.Trim()));

            var future = await AttestAsync("pack", "export", "--database", db, "--as-at", today.AddDays(1).ToString("yyyy-MM-dd"), "-o", file + "2");
            Assert.Equal(1, future.Code);
            Assert.StartsWith($"asAt: {today.AddDays(1):yyyy-MM-dd} is in the future", future.Error);
            var malformed = await AttestAsync("pack", "export", "--database", db, "--as-at", "2026-13-40", "-o", file + "2");
            Assert.Equal((1, "asAt: '2026-13-40' is not a date in the form YYYY-MM-DD."), (malformed.Code, malformed.Error.Trim()));
            Assert.False(File.Exists(file + "2"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
