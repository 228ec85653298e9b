using System.Net;
using System.Net.Sockets;
using Attest.Data;
using Attest.Organizations;
using Attest.Reminders;
using Attest.Tests.Improvement;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Reminders;

/// <summary>Reminder digests sent through MailKit to a real SMTP listener on a loopback port.</summary>
public sealed class ReminderEmailTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static SmtpSettings Settings(int port) => SmtpSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [SmtpSettings.HostKey] = "127.0.0.1",
        [SmtpSettings.PortKey] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [SmtpSettings.SecurityKey] = "None",
        [SmtpSettings.FromKey] = "Attest <attest@test.example>",
        [SmtpSettings.PublicUrlKey] = "https://attest.test/",
    }).Build());

    private static Task<ReminderRun> SendAsync(TestApp app, SmtpSettings settings) =>
        app.WithCoreAsync(null, (_, db) => new SendReminders(db, settings).RunAsync());

    private static Task<List<ReminderDelivery>> DeliveriesAsync(TestApp app, TestOrganization organization) =>
        app.WithCoreAsync(organization.Id, (_, db) => db.ReminderDeliveries.AsNoTracking().OrderBy(d => d.AttemptedAt).ToListAsync());

    /// <summary>The Employee has one overdue action, the Manager one due in three days; nobody else has anything due.</summary>
    private static async Task<TestOrganization> SeedAsync(TestApp app)
    {
        var organization = await app.SeedOrganizationAsync();
        await app.AddActionAsync(organization, "Rotate API keys", organization[OrganizationRole.Employee].UserId, Today.AddDays(-2));
        await app.AddActionAsync(organization, "Renew the TLS certificate", organization[OrganizationRole.Manager].UserId, Today.AddDays(3));
        return organization;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SendReminders_DeliversOneDigestPerPersonAndDay_WithTheirItemsAndAbsoluteLinks(string provider)
    {
        await using var smtp = new SmtpListener();
        await using var app = await TestApp.StartOwnAsync(provider);
        var organization = await SeedAsync(app);
        var (employee, manager) = (organization[OrganizationRole.Employee], organization[OrganizationRole.Manager]);

        var first = await SendAsync(app, Settings(smtp.Port));
        Assert.Equal((2, 0, 0), (first.Delivered, first.Failed, first.AlreadySent));
        Assert.Equal(2, smtp.Received.Count);
        var toEmployee = Assert.Single(smtp.Received, m => m.Recipients.SequenceEqual([employee.Email]));
        Assert.Equal("attest@test.example", toEmployee.From);
        var message = toEmployee.Parse();
        Assert.Equal($"Attest: 1 overdue ({organization.Name})", message.Subject);
        Assert.Contains($"- OVERDUE {Today.AddDays(-2):yyyy-MM-dd}  CA-0001 Rotate API keys (to complete)\n  https://attest.test/my/actions\n", message.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("All your tasks: https://attest.test/my/tasks", message.TextBody);
        Assert.Contains("<a href=\"https://attest.test/my/actions\">CA-0001 Rotate API keys</a>", message.HtmlBody);
        Assert.DoesNotContain("TLS certificate", message.TextBody);
        var toManager = Assert.Single(smtp.Received, m => m.Recipients.SequenceEqual([manager.Email])).Parse();
        Assert.Equal($"Attest: 1 due soon ({organization.Name})", toManager.Subject);
        Assert.Contains($"- due {Today.AddDays(3):yyyy-MM-dd}  CA-0002 Renew the TLS certificate (to complete)", toManager.TextBody);

        var logged = await DeliveriesAsync(app, organization);
        Assert.Equal(2, logged.Count);
        Assert.All(logged, d => Assert.True(d.Delivered && d.ForDay == Today && d.Error == ""));
        Assert.Equal((0, 1), logged.Where(d => d.UserId == employee.UserId).Select(d => (d.DueCount, d.OverdueCount)).Single());

        // The same day again: everyone with tasks already has theirs.
        var second = await SendAsync(app, Settings(smtp.Port));
        Assert.Equal((0, 2), (second.Digests.Count, second.AlreadySent));
        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(2, (await DeliveriesAsync(app, organization)).Count);
    }

    [Fact]
    public async Task SendReminders_RefusedRecipientOrUnreachableServer_IsLoggedAsNotDelivered_AndOthersStillGetTheirs()
    {
        await using var smtp = new SmtpListener();
        await using var app = await TestApp.StartOwnAsync("sqlite");
        var organization = await SeedAsync(app);
        var (employee, manager) = (organization[OrganizationRole.Employee], organization[OrganizationRole.Manager]);
        smtp.Refuse(employee.Email);

        // The Employee's address sorts first: the Manager's digest goes out on the same connection after the refusal.
        var run = await SendAsync(app, Settings(smtp.Port));
        Assert.Equal((1, 1), (run.Delivered, run.Failed));
        var refused = Assert.Single(run.Digests, d => !d.Delivered);
        Assert.Equal((employee.Email, $"550 {SmtpListener.RefusalText}"), (refused.Address, refused.Error));
        Assert.Equal([manager.Email], Assert.Single(smtp.Received).Recipients);
        var logged = await DeliveriesAsync(app, organization);
        Assert.Equal([(employee.UserId, false, $"550 {SmtpListener.RefusalText}"), (manager.UserId, true, "")], logged.Select(d => (d.UserId, d.Delivered, d.Error)));

        // Later, with the server gone: only the Employee is tried again, and that failure is logged too.
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var retry = await SendAsync(app, Settings(port));
        Assert.Equal((0, 1, 1), (retry.Delivered, retry.Failed, retry.AlreadySent));
        Assert.StartsWith($"Could not reach 127.0.0.1:{port}: ", Assert.Single(retry.Digests).Error);
        logged = await DeliveriesAsync(app, organization);
        Assert.Equal(3, logged.Count);
        Assert.Equal((employee.UserId, false), (logged[2].UserId, logged[2].Delivered));
        Assert.StartsWith("Could not reach", logged[2].Error);
    }

    [Fact]
    public async Task SendReminders_WithoutSmtp_SendsNothing_AndTheCommandLineSaysSo()
    {
        await using var app = await TestApp.StartOwnAsync("sqlite");
        var organization = await SeedAsync(app);
        var off = SmtpSettings.FromConfiguration(new ConfigurationBuilder().Build());

        var run = await SendAsync(app, off);
        Assert.True(run.EmailOff);
        Assert.Empty(run.Digests);

        var database = app.Database.ConnectionString;
        var send = await Support.Cli.AttestAsync("reminders", "send", "--database", database);
        Assert.Equal(1, send.Code);
        Assert.StartsWith("E-mail is off: Smtp__Host (Smtp:Host) is not set, so nothing was sent.", send.Error);
        Assert.Empty(await DeliveriesAsync(app, organization));

        var dry = await Support.Cli.AttestAsync("reminders", "send", "--dry-run", "--database", database);
        Assert.Equal(0, dry.Code);
        Assert.Equal(
        [
            $"would send  {organization.Name}  {organization[OrganizationRole.Employee].Email}  1 overdue, 0 due",
            $"would send  {organization.Name}  {organization[OrganizationRole.Manager].Email}  0 overdue, 1 due",
            "would send 2 digest(s), 2 item(s) (e-mail is off: Smtp__Host is not set)",
        ], dry.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Empty(await DeliveriesAsync(app, organization));
    }

    [Fact]
    public async Task EmailSettings_ShowTheServerButNotThePassword_AndSendATestToTheAdmin()
    {
        await using var smtp = new SmtpListener();
        await using var app = await TestApp.StartAsync(await TestDatabase.CreateAsync("sqlite"), configure: builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [SmtpSettings.HostKey] = "127.0.0.1",
                [SmtpSettings.PortKey] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [SmtpSettings.SecurityKey] = "None",
                [SmtpSettings.FromKey] = "attest@test.example",
                [SmtpSettings.PasswordKey] = "never-shown-secret",
                [ReminderSchedule.SchedulerKey] = "off",
            }));
        var organization = await app.SeedOrganizationAsync();
        var admin = organization[OrganizationRole.Admin];
        var browser = await app.SignInAsync(admin);

        var page = await browser.GetPageAsync("/settings/email");
        Assert.Contains("<dd class=\"mono\">127.0.0.1</dd>", page);
        Assert.Contains($"<dd>{smtp.Port}</dd>", page);
        Assert.Contains("Attest__Reminders__Scheduler is off", page);
        Assert.DoesNotContain("never-shown-secret", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(organization[OrganizationRole.Employee])).GetAsync("/settings/email")).StatusCode);

        var sent = await browser.PostFormAsync("/settings/email?handler=Test", [], "/settings/email");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var test = Assert.Single(smtp.Received);
        Assert.Equal([admin.Email], test.Recipients);
        Assert.Equal("Attest: test e-mail", test.Parse().Subject);

        smtp.Refuse(admin.Email);
        var refused = await browser.PostFormAsync("/settings/email?handler=Test", [], "/settings/email");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode($"The test e-mail to {admin.Email} was not sent: 550 {SmtpListener.RefusalText}"), await refused.Content.ReadAsStringAsync());
    }
}
