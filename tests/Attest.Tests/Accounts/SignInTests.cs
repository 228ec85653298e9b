using System.Net;
using System.Text.RegularExpressions;
using Attest.Organizations;
using Attest.Tests.Support;

namespace Attest.Tests.Accounts;

public sealed partial class SignInTests
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var person = organization[OrganizationRole.Employee];
        var client = app.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = "wrong password " + i });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var right = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ShortPasswords_AreRefusedWithTheRule()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var person = organization[OrganizationRole.Manager];
        var browser = await app.SignInAsync(person);

        var response = await browser.PostFormAsync("/account/security?handler=ChangePassword",
            new() { ["CurrentPassword"] = person.Password, ["NewPassword"] = "short" }, formPage: "/account/security");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at least 12 characters", await response.Content.ReadAsStringAsync());
        await app.SignInAsync(person);
    }

    [Fact]
    public async Task EnrollingAnAuthenticator_MakesSignInAskForTheCode_AndARecoveryCodeWorksOnce()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var person = organization[OrganizationRole.Contributor];
        var browser = await app.SignInAsync(person);

        var security = await browser.GetPageAsync("/account/security");
        var key = KeyPattern().Match(security).Groups[1].Value;
        var enabled = await browser.PostFormAsync("/account/security?handler=EnableMfa", new() { ["Code"] = Totp.Code(key) }, formPage: "/account/security");
        var enabledHtml = await enabled.Content.ReadAsStringAsync();
        var recoveryCodes = RecoveryPattern().Matches(enabledHtml).Select(m => m.Groups[1].Value).ToList();

        var next = app.Anonymous();
        var firstStep = await next.PostFormAsync("/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        var wrongCode = await next.PostFormAsync("/account/two-factor", new() { ["Code"] = "000000" });
        var rightCode = await next.PostFormAsync("/account/two-factor", new() { ["Code"] = Totp.Code(key) });
        var dashboard = await next.GetAsync("/");

        var withRecovery = app.Anonymous();
        await withRecovery.PostFormAsync("/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        var recovered = await withRecovery.PostFormAsync("/account/two-factor", new() { ["Code"] = recoveryCodes[0] });
        var reuse = app.Anonymous();
        await reuse.PostFormAsync("/account/sign-in", new() { ["Email"] = person.Email, ["Password"] = person.Password });
        var reused = await reuse.PostFormAsync("/account/two-factor", new() { ["Code"] = recoveryCodes[0] });

        Assert.Equal(32, key.Replace(" ", "").Length);
        Assert.Contains("Two-factor authentication is <strong>on</strong>", enabledHtml);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal("/account/two-factor", firstStep.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rightCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task SigningOutEverywhere_EndsEverySessionOfThatPerson()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var person = organization[OrganizationRole.Manager];
        var laptop = await app.SignInAsync(person);
        var phone = await app.SignInAsync(person);
        var colleague = await app.SignInAsync(organization[OrganizationRole.Admin]);

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/")).StatusCode);
        var signOut = await laptop.PostFormAsync("/account/security?handler=SignOutEverywhere", [], formPage: "/account/security");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(person)).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AnAuditorsAccess_EndsAfterItsEndDate()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var admin = await app.SignInAsync(organization[OrganizationRole.Admin]);
        var auditor = organization[OrganizationRole.Auditor];
        var membership = await app.WithCoreAsync(organization.Id, (_, db) =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Memberships, m => m.UserId == auditor.UserId));

        var before = await (await app.SignInAsync(auditor)).GetAsync("/context");
        await admin.PostFormAsync("/settings/members?handler=Change", new()
        {
            ["membershipId"] = membership.Id.ToString(), ["role"] = "Auditor", ["version"] = membership.Version.ToString(),
            ["accessEndsOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
        }, formPage: "/settings/members");
        var after = await (await app.SignInAsync(auditor)).GetAsync("/context");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task APerson_ChoosesTheTimeZoneTheirDatesAreShownIn_AndANonsenseZoneIsRefused()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        await app.AddPartyAsync(organization, "Clients");
        var browser = await app.SignInAsync(organization[OrganizationRole.Manager]);

        var utc = await browser.GetPageAsync("/audit");
        var bad = await browser.PostFormAsync("/account/security?handler=TimeZone", new() { ["TimeZone"] = "Mars/Olympus" }, formPage: "/account/security");
        var good = await browser.PostFormAsync("/account/security?handler=TimeZone", new() { ["TimeZone"] = "Asia/Tokyo" }, formPage: "/account/security");
        var tokyo = await browser.GetPageAsync("/audit");

        Assert.Contains(" UTC</td>", utc);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Mars/Olympus", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains(" Asia/Tokyo</td>", tokyo);
    }

    [GeneratedRegex("Key: <code>([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li>([a-zA-Z0-9-]{8,})</li>")]
    private static partial Regex RecoveryPattern();
}
