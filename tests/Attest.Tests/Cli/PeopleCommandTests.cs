using System.Net;
using Attest.Data;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class PeopleCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PeopleImport_PrintsItsCounts_AndABadFileExitsNonZeroChangingNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "hr@acme.example", "--role", "Manager", "--organization", "Acme");
        var folder = Directory.CreateTempSubdirectory("attest-people-");
        try
        {
            var good = Path.Combine(folder.FullName, "staff.csv");
            await File.WriteAllTextAsync(good, "Name,Email,Manager,Department\nAnn Chief,ann@acme.example,,Management\nBen Builder,ben@acme.example,ann@acme.example,Engineering\n");
            var imported = await AttestAsync("people", "import", good, "--database", db, "--organization", "Acme");
            Assert.Equal((0, "imported 2 new people; 0 updated; 0 unchanged"), (imported.Code, imported.Output.Trim()));

            var bad = Path.Combine(folder.FullName, "bad.csv");
            await File.WriteAllTextAsync(bad, "Name,Email\nCleo,cleo@acme.example\nBen Renamed,ben@acme.example\nNo Mail,\n");
            var refused = await AttestAsync("people", "import", bad, "--database", db, "--organization", "Acme");
            Assert.Equal(1, refused.Code);
            Assert.Contains("row 4, column Email: is required", refused.Error);

            var exported = Path.Combine(folder.FullName, "out.csv");
            Assert.Equal(0, (await AttestAsync("people", "export", "--format", "csv", "-o", exported, "--database", db, "--organization", "Acme")).Code);
            var lines = await File.ReadAllLinesAsync(exported);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("Ben Builder,ben@acme.example,Employee,Engineering,ann@acme.example", lines[2]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ScimTokenCreate_PrintsATokenThatTheScimEndpointAccepts(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await TestApp.StartAsync(database, ownsDatabase: false);
        var organization = await app.SeedOrganizationAsync("Acme");
        var created = await AttestAsync("scim", "token", "create", "--name", "Entra ID", "--database", database.ConnectionString, "--organization", "Acme");
        Assert.Equal(0, created.Code);
        var token = created.Output.Trim().Split('\n')[^1].Trim();
        Assert.Matches("^scim_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(HttpStatusCode.OK, (await app.Server.WithToken(token).GetAsync("/scim/v2/Users")).StatusCode);
        Assert.Equal("Entra ID", await app.WithCoreAsync(organization.Id, (_, db) => db.ScimTokens.Select(t => t.Name).SingleAsync()));
        Assert.Equal(1, (await AttestAsync("scim", "token", "create", "--database", database.ConnectionString, "--organization", "Nowhere")).Code);
    }
}
