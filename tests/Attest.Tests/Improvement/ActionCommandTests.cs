using Attest.Data;
using Attest.Improvement;
using Attest.Organizations;
using Attest.Tests.Support;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Improvement;

public sealed class ActionCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ActionsListAndExport_ShowTheRegisterFromTheCommandLine(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.ConnectionString;
        await AttestAsync("db", "migrate", "--database", db);
        await AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var services = AttestCommandLine.CoreServices(db))
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
            context.Acting.EnterOrganization(await context.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync(), OrganizationRole.Admin);
            var owner = await context.Users.Where(u => u.Email == "ciso@acme.example").Select(u => u.Id).SingleAsync();
            var save = scope.ServiceProvider.GetRequiredService<SaveCorrectiveAction>();
            await save.RunAsync(null, new CorrectiveActionInput("Rotate the API keys", OwnerId: owner, DueOn: today.AddDays(-4)));
            await save.RunAsync(null, new CorrectiveActionInput("Update the runbook", DueOn: today.AddDays(20), Status: ActionStatus.InProgress));
            await save.RunAsync(null, new CorrectiveActionInput("Train the reviewers", Status: ActionStatus.Done));
        }

        var overdue = await AttestAsync("actions", "list", "--overdue", "--database", db);
        Assert.Equal(0, overdue.Code);
        Assert.Equal([$"CA-0001  Open  {today.AddDays(-4):yyyy-MM-dd} (4 d overdue)  ciso@acme.example  Rotate the API keys", "1 action"],
            overdue.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var open = await AttestAsync("actions", "list", "--database", db);
        Assert.EndsWith("2 actions", open.Output.Trim());
        Assert.DoesNotContain("Train the reviewers", open.Output);
        Assert.Contains("Train the reviewers", (await AttestAsync("actions", "list", "--all", "--database", db)).Output);

        var file = Path.Combine(Path.GetTempPath(), $"actions-{Guid.NewGuid():N}.csv");
        try
        {
            var export = await AttestAsync("actions", "export", "--format", "csv", "-o", file, "--database", db);
            Assert.Equal(0, export.Code);
            var lines = await File.ReadAllLinesAsync(file);
            Assert.Equal(4, lines.Length);
            Assert.StartsWith("CA-0001,Rotate the API keys,Raised by hand,,ciso@acme.example,", lines[1]);
            var refused = await AttestAsync("actions", "export", "--format", "pdf", "-o", file, "--database", db);
            Assert.Equal((1, "--format: 'pdf' is not a format here; use csv or xlsx."), (refused.Code, refused.Error.Trim()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
