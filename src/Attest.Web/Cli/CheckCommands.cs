using System.CommandLine;
using Attest.Checks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest checks run`.</summary>
internal static class CheckCommands
{
    public static Command Checks(Option<string?> database, TextWriter output, TextWriter error)
    {
        var name = new Argument<string?>("NAME") { Description = "The check to run (its name).", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Run every enabled check except push checks." };
        var organization = FrameworkCommands.OrganizationOption();
        var run = new Command("run",
            "Run checks now and record each result as evidence. Prints one line per check, e.g. 'tls-website pass certificate valid for 80 days'. " +
            "Exits 1 when any check failed or the name is unknown.") { name, all, organization };
        run.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (services, db) =>
        {
            var wanted = parse.GetValue(name)?.Trim();
            var everything = parse.GetValue(all);
            if (everything == !string.IsNullOrEmpty(wanted))
            {
                await error.WriteLineAsync("Name one check to run, or --all (not both).");
                return 1;
            }
            var ids = everything
                ? await db.Checks.AsNoTracking().Where(c => c.Enabled && c.Kind != CheckKind.Push).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(cancellationToken)
                : await db.Checks.AsNoTracking().Where(c => c.Name == wanted).Select(c => c.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0 && !everything)
            {
                await error.WriteLineAsync($"NAME: there is no check named '{wanted}'.");
                return 1;
            }
            var failed = 0;
            var runner = services.GetRequiredService<RunCheck>();
            foreach (var id in ids)
            {
                var result = (await runner.RunAsync(id, CheckTrigger.RunNow, cancellationToken))!;
                if (!result.Passed) failed++;
                await output.WriteLineAsync($"{result.Name} {(result.Passed ? "pass" : "fail")} {result.Summary}");
            }
            if (ids.Count == 0) await output.WriteLineAsync("There are no enabled checks to run.");
            return failed == 0 ? 0 : 1;
        }, cancellationToken));
        return new Command("checks", "Automated checks: run.") { run };
    }
}
