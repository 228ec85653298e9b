using System.Net;
using Attest.Objectives;
using Attest.Organizations;
using Attest.Tests.Demo;
using Attest.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Reports;

[Collection(LoadedDemo.Collection)]
public sealed class DemoDashboardTests(LoadedDemo demo)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoDashboard_ShowsTheFourStrategicObjectives_WithTheirMeasures_AndLastMonthsReportRenders(string provider)
    {
        var (app, organizationId) = await demo.GetAsync(provider);
        var strategic = await app.WithCoreAsync(organizationId, (_, db) => db.Objectives
            .Where(o => o.Kind == ObjectiveKind.Strategic && o.Status == ObjectiveStatus.Active).Select(o => o.Reference + " " + o.Title).ToListAsync());
        Assert.Equal(4, strategic.Count);

        // The demo's passwords are random: give the CISO a known one to sign in with.
        var ciso = (await LoadedDemo.LoginsAsync(app))[OrganizationRole.Manager];
        const string password = "Dashboard-test-password-1";
        var email = await app.WithCoreAsync(null, async (s, _) =>
        {
            var users = s.GetRequiredService<UserManager<Attest.Accounts.User>>();
            var user = (await users.FindByIdAsync(ciso.ToString()))!;
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, password);
            return user.Email!;
        });
        var manager = await app.SignInAsync(email, password);
        var page = WebUtility.HtmlDecode(await manager.GetPageAsync("/"));
        Assert.All(strategic, title => Assert.Contains(title, page));
        Assert.Contains("/objectives/measures/", page);

        var report = WebUtility.HtmlDecode(await manager.GetPageAsync("/reports/monthly"));
        Assert.All(strategic, title => Assert.Contains(title, report));
        Assert.Contains("<svg", report);
    }
}
