using System.CommandLine;
using Attest.Documents;
using Attest.Reports;

namespace Attest.Web.Cli;

/// <summary>`attest report monthly --month YYYY-MM -o FILE.pdf|FILE.html`.</summary>
internal static class ReportCommands
{
    public static Command Report(Option<string?> database, TextWriter output, TextWriter error)
    {
        var month = new Option<string>("--month") { Description = "The month to report on, as YYYY-MM (e.g. 2026-10); not later than the current month.", Required = true };
        var to = new Option<FileInfo>("-o", "--output") { Description = "The file to write: FILE.pdf or FILE.html (the format follows the extension).", Required = true };
        var organization = FrameworkCommands.OrganizationOption();
        var monthly = new Command("monthly",
            "Write the monthly security report for management — measures as stored for the month with 12-month trends, compliance per framework, " +
            "risks, operations, nonconformities and actions, and what is overdue by owner — as PDF or HTML. Prints the path written; a bad month or " +
            "extension exits 1 naming the problem.") { month, to, organization };
        monthly.SetAction(async (parse, cancellationToken) =>
        {
            // Checked before opening the database, so a typo fails fast and touches nothing.
            var chosen = MonthlyReport.ParseMonth(parse.GetValue(month), "--month");
            var target = parse.GetValue(to)!;
            var format = target.Extension.ToLowerInvariant() switch
            {
                ".pdf" => "pdf",
                ".html" or ".htm" => "html",
                _ => throw ValidationFailedException.For("-o", $"'{target.Name}' must end in .pdf or .html: the extension chooses the format."),
            };
            return await FrameworkCommands.InOrganizationAsync(parse, database, organization, error, async (_, db) =>
            {
                var report = await MonthlyReport.BuildAsync(db, chosen, cancellationToken);
                var content = format == "pdf"
                    ? PdfDocumentWriter.Write(MonthlyReportDocument.Build(report), report.GeneratedAt)
                    : System.Text.Encoding.UTF8.GetBytes(MonthlyReportHtml.Document(report));
                await File.WriteAllBytesAsync(target.FullName, content, cancellationToken);
                await output.WriteLineAsync(target.FullName);
                return 0;
            }, cancellationToken);
        });
        return new Command("report", "Reports for management: the monthly security report.") { monthly };
    }
}
