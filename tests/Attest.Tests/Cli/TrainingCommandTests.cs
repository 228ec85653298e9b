using Attest.Data;
using Attest.Organizations;
using Attest.People;
using Attest.Tests.Support;
using Attest.Training;
using Attest.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static Attest.Tests.Support.Cli;

namespace Attest.Tests.Cli;

public sealed class TrainingCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TrainingStatus_EndsWithTheCompletionLine_AndSyncAndImportWorkFromTheCommandLine(string provider)
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
            var acme = await context.Organizations.SingleAsync(o => o.Name == "Acme");
            context.Acting.EnterOrganization(acme.Id, OrganizationRole.Admin);
            foreach (var name in new[] { "ann", "bob", "cat" })
            {
                context.People.Add(new Person { Name = name, Email = $"{name}@acme.example", EmailKey = $"{name}@acme.example", StartDate = today.AddYears(-1) });
            }
            await context.SaveChangesAsync();
            var course = await scope.ServiceProvider.GetRequiredService<SaveCourse>().RunAsync(null, new CourseInput("Security awareness essentials", Content: "Read."));
            await scope.ServiceProvider.GetRequiredService<SaveTrainingRequirement>().RunAsync(null,
                new TrainingRequirementInput(course, "Everyone", DueWithinDays: 7, RenewEveryMonths: 12, EffectiveFrom: today.AddDays(-30)));
        }
        var folder = Directory.CreateTempSubdirectory("attest-training-").FullName;
        try
        {
            var export = Path.Combine(folder, "lms.csv");
            await File.WriteAllTextAsync(export, $"Email,Course,Completed on,Id\nann@acme.example,TRN-01,{today.AddDays(-2):yyyy-MM-dd},X1\nbob@acme.example,Security awareness essentials,{today.AddDays(-1):yyyy-MM-dd},X2\n");
            var broken = Path.Combine(folder, "broken.csv");
            await File.WriteAllTextAsync(broken, "Email,Course,Completed on\nzed@acme.example,TRN-01,2025-01-01\n");

            var before = await AttestAsync("training", "status", "--database", db, "--organization", "Acme");
            var bad = await AttestAsync("training", "import", broken, "--database", db, "--organization", "Acme");
            var imported = await AttestAsync("training", "import", export, "--database", db, "--organization", "Acme");
            var again = await AttestAsync("training", "import", export, "--database", db, "--organization", "Acme");
            var sync = await AttestAsync("training", "sync", "--database", db, "--organization", "Acme");
            var after = await AttestAsync("training", "status", "--database", db);

            Assert.Equal((0, ""), (before.Code, before.Error));
            Assert.Equal("completion 0% (0/3)", before.Output.TrimEnd().Split('\n')[^1].TrimEnd('\r'));
            Assert.Equal(1, bad.Code);
            Assert.Contains("row 2, column Email: no person has the e-mail zed@acme.example in this organization.", bad.Error);
            Assert.Equal((0, "imported 2 completions; 0 already recorded"), (imported.Code, imported.Output.Trim()));
            Assert.Equal("imported 0 completions; 2 already recorded", again.Output.Trim());
            Assert.Equal("assignments: 0 created, 0 completed, 0 cancelled, 0 rescheduled", sync.Output.Trim());
            var lines = after.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Equal(["TRN-01 Security awareness essentials: 66% (2/3), 1 overdue", "completion 66% (2/3)"], lines);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
