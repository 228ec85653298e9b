using System.CommandLine;
using Attest.Improvement;

namespace Attest.Web.Cli;

/// <summary>`attest nonconformities list|export`.</summary>
internal static class NonconformityCommands
{
    public static Command Nonconformities(Option<string?> database, TextWriter output, TextWriter error)
    {
        var open = new Option<bool>("--open") { Description = "Only those not closed (open or awaiting verification)." };
        var overdue = new Option<bool>("--overdue") { Description = "Only open ones past their due date." };
        var organization = FrameworkCommands.OrganizationOption();
        var list = new Command("list",
            "List nonconformities, not closed first, majors first, one per line: reference, grade, status, age, due date (overdue marked), owner, source, title. " +
            "Prints at most 500; the last line counts them.") { open, overdue, organization };
        list.SetAction(async (parse, cancellationToken) => await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (_, db) =>
        {
            var filter = new NonconformityFilter(State: parse.GetValue(overdue) ? "overdue" : parse.GetValue(open) ? "open" : null);
            var shown = 0;
            for (var page = 1; shown < 500; page++)
            {
                var found = await NonconformityRegister.PageAsync(db, filter, page, 100, cancellationToken);
                foreach (var n in found.Rows.Take(500 - shown))
                {
                    var due = n.DueOn is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (n.IsOverdue ? " (overdue)" : "") : "no due date";
                    var source = n.Source == NonconformitySource.Manual ? "" : $"  [{NonconformityLabels.Of(n.Source)}{(n.SourceReference is null ? "" : " " + n.SourceReference)}]";
                    await output.WriteLineAsync($"{n.Reference}  {NonconformityLabels.Of(n.Grade)}  {NonconformityLabels.Of(n.Status)}  {n.AgeDays} d  {due}  {n.OwnerName ?? "(no owner)"}{source}  {n.Title}");
                    shown++;
                }
                if (!found.HasMore) break;
            }
            await output.WriteLineAsync(shown == 1 ? "1 nonconformity" : $"{shown} nonconformities");
            return 0;
        }, cancellationToken));

        var export = FileCommands.Export(database, output, error, "Write the nonconformity register (CSV or XLSX), every status, one row per record.",
        [
            new("csv", "the nonconformity register (csv)", NonconformityExport.CsvAsync),
            new("xlsx", "the nonconformity register (xlsx)", NonconformityExport.XlsxAsync),
        ]);
        return new Command("nonconformities", "Nonconformity register (clause 10.2): list, export.") { list, export };
    }
}
