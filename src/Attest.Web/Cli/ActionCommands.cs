using System.CommandLine;
using Attest.Improvement;

namespace Attest.Web.Cli;

/// <summary>`attest actions list|export`.</summary>
internal static class ActionCommands
{
    public static Command Actions(Option<string?> database, TextWriter output, TextWriter error)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only open actions past their due date." };
        var all = new Option<bool>("--all") { Description = "Every status, not only open and in-progress actions." };
        var organization = FrameworkCommands.OrganizationOption();
        var list = new Command("list",
            "List corrective actions, open ones first by due date, one per line: reference, status, due date (with days overdue), owner, source, title. " +
            "Prints at most 500; the last line counts them.") { overdue, all, organization };
        list.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (_, db) =>
        {
            var filter = new CorrectiveActionFilter(OpenOnly: !parse.GetValue(all), Overdue: parse.GetValue(overdue));
            var shown = 0;
            for (var page = 1; shown < 500; page++)
            {
                var found = await CorrectiveActionRegister.PageAsync(db, filter, page, 100, cancellationToken);
                foreach (var a in found.Rows.Take(500 - shown))
                {
                    var due = a.DueOn is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (a.IsOverdue ? $" ({a.DaysOverdue} d overdue)" : "") : "no due date";
                    var source = a.Source == ActionSource.Other ? "" : $"  [{CorrectiveActionLabels.Of(a.Source)}{(a.SourceLabel is null ? "" : " " + a.SourceLabel)}]";
                    await output.WriteLineAsync($"{a.Reference}  {CorrectiveActionLabels.Of(a.Status)}  {due}  {a.OwnerName ?? "(no owner)"}{source}  {a.Title}");
                    shown++;
                }
                if (!found.HasMore) break;
            }
            await output.WriteLineAsync(shown == 1 ? "1 action" : $"{shown} actions");
            return 0;
        }, cancellationToken));

        var export = FileCommands.Export(database, output, error, "Write the corrective action register (CSV or XLSX), every status, one row per action.",
        [
            new("csv", "the corrective action register (csv)", CorrectiveActionExport.CsvAsync),
            new("xlsx", "the corrective action register (xlsx)", CorrectiveActionExport.XlsxAsync),
        ]);
        return new Command("actions", "Corrective action register: list, export.") { list, export };
    }
}
