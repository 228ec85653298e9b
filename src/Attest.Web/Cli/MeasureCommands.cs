using System.CommandLine;
using Attest.Objectives;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Web.Cli;

/// <summary>`attest measures snapshot|list`.</summary>
internal static class MeasureCommands
{
    public static Command Measures(Option<string?> database, TextWriter output, TextWriter error)
    {
        var snapshotOrganization = FrameworkCommands.OrganizationOption();
        var snapshot = new Command("snapshot",
            "Take a value of every active computed measure now, for this month so far (on demand: always a new dated value; the monthly schedule takes " +
            "the month just ended by itself). Prints the period, then 'measured N, no data N'.") { snapshotOrganization };
        snapshot.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, snapshotOrganization, error, async (services, db) =>
        {
            var run = await services.GetRequiredService<TakeMeasurements>().RunAsync(MeasurementKind.OnDemand, null, cancellationToken);
            await output.WriteLineAsync($"{run.Period.Label}: measured {run.Measured}, no data {run.NoData}");
            return 0;
        }, cancellationToken));

        var format = new Option<string>("--format") { Description = "table (default) or csv.", DefaultValueFactory = _ => "table" };
        var listOrganization = FrameworkCommands.OrganizationOption();
        var list = new Command("list",
            "One line per current measure: objective, measure, latest value, target, status (Green, Amber, Red or NoData).") { format, listOrganization };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var wanted = (parse.GetValue(format) ?? "table").Trim().ToLowerInvariant();
            if (wanted is not ("table" or "csv"))
            {
                await error.WriteLineAsync($"--format: '{wanted}' is not a format here; use table or csv.");
                return 1;
            }
            return await FrameworkCommands.InOrganizationAsync(parse, database, listOrganization, error, async (_, db) =>
            {
                var rows = await ObjectiveRegister.ListAsync(db, cancellationToken);
                var lines = rows.Select(r => (Objective: $"{r.ObjectiveReference} {r.ObjectiveTitle}", Measure: r.MeasureTitle, Value: r.ValueText, Target: r.TargetText,
                    Status: r.Status.ToString())).ToList();
                if (wanted == "csv")
                {
                    await output.WriteLineAsync("objective,measure,value,target,status");
                    foreach (var l in lines) await output.WriteLineAsync(string.Join(",", new[] { l.Objective, l.Measure, l.Value, l.Target, l.Status }.Select(Csv)));
                    return 0;
                }
                if (lines.Count == 0)
                {
                    await output.WriteLineAsync("No measures.");
                    return 0;
                }
                var objectiveWidth = Math.Min(50, Math.Max("OBJECTIVE".Length, lines.Max(l => l.Objective.Length)));
                var measureWidth = Math.Min(60, Math.Max("MEASURE".Length, lines.Max(l => l.Measure.Length)));
                var valueWidth = Math.Max("VALUE".Length, lines.Max(l => l.Value.Length));
                var targetWidth = Math.Max("TARGET".Length, lines.Max(l => l.Target.Length));
                string Row(string a, string b, string c, string d, string e) =>
                    $"{Cut(a, objectiveWidth).PadRight(objectiveWidth)}  {Cut(b, measureWidth).PadRight(measureWidth)}  {c.PadLeft(valueWidth)}  {d.PadRight(targetWidth)}  {e}";
                await output.WriteLineAsync(Row("OBJECTIVE", "MEASURE", "VALUE", "TARGET", "STATUS").TrimEnd());
                foreach (var l in lines) await output.WriteLineAsync(Row(l.Objective, l.Measure, l.Value, l.Target, l.Status).TrimEnd());
                return 0;
            }, cancellationToken);
        });
        return new Command("measures", "Objective measures (clause 9.1): snapshot, list.") { snapshot, list };
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
