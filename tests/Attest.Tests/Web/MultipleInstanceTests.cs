using System.Net;
using Attest.Organizations;
using Attest.Tests.Support;

namespace Attest.Tests.Web;

public sealed class MultipleInstanceTests
{
    [Fact]
    public async Task TwoInstancesOnOnePostgresDatabase_AcceptEachOthersSessionCookies()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var first = await TestApp.StartAsync(database, ownsDatabase: false);
        await using var second = await TestApp.StartAsync(database, migrate: false, ownsDatabase: false);
        var organization = await first.SeedOrganizationAsync();

        var onFirst = await first.SignInAsync(organization[OrganizationRole.Manager]);
        var onSecond = new BrowserSession(second.Server, onFirst.Cookies);
        var page = await onSecond.GetAsync("/context");
        var form = await onSecond.PostFormAsync("/context/parties/new", new() { ["Input.Name"] = "Posted via the second instance", ["Input.Kind"] = "External" });
        var stranger = await new BrowserSession(second.Server).GetAsync("/context");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Contains("Posted via the second instance", await onFirst.GetPageAsync("/context"));
    }
}
