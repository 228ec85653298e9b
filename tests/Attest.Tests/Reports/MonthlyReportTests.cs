using System.Net;
using System.Text;
using Attest.Data;
using Attest.Improvement;
using Attest.Objectives;
using Attest.Organizations;
using Attest.Reports;
using Attest.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Reports;

/// <summary>The dashboard's objectives section and the monthly report (model, HTML, PDF) from measurements stored by hand.</summary>
public sealed class MonthlyReportTests
{
    /// <summary>
    /// "Agents with a current impact assessment" (≥ 95 %, amber from 90 %) on OBJ-01, with stored values for the three months before the
    /// current one: 97 % (green), 92 % (amber) and 62.5 % (red, "5 of 8 AI systems").
    /// </summary>
    private static async Task<(Guid MeasureId, int[] Months)> SeedMeasureAsync(TestApp app, TestOrganization organization, decimal[]? values = null)
    {
        values ??= [97m, 92m, 62.5m];
        return await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db));
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            var objective = new Objective { Reference = "OBJ-01", Title = "Protect our AI agents", Kind = ObjectiveKind.Strategic, OwnerId = organization[OrganizationRole.Manager].UserId, StartOn = thisMonth.AddYears(-1) };
            db.Objectives.Add(objective);
            var measure = new Measure
            {
                ObjectiveId = objective.Id, Title = "Agents with a current impact assessment", Source = MeasureSource.Manual, Comparison = TargetComparison.AtLeast, Target = 95,
                Direction = MeasureDirection.HigherIsBetter, AmberThreshold = 90, Unit = MeasureUnit.Percent, Frequency = MeasureFrequency.Monthly,
            };
            db.Measures.Add(measure);
            var months = new List<int>();
            for (var i = 0; i < values.Length; i++)
            {
                var start = thisMonth.AddMonths(i - values.Length);
                months.Add(OrganizationTime.Month(start));
                db.Measurements.Add(new Measurement
                {
                    MeasureId = measure.Id, PeriodStart = start, PeriodEnd = start.AddMonths(1).AddDays(-1), Value = values[i],
                    Status = MeasureRules.StatusOf(measure, values[i]), Comparison = measure.Comparison, Target = measure.Target, AmberThreshold = measure.AmberThreshold,
                    Direction = measure.Direction, Detail = $"{values[i]} % of AI systems", Kind = MeasurementKind.Scheduled,
                    TakenAt = Instant.Truncate(db.Clock.GetUtcNow().AddDays(i - values.Length)), TakenBy = "schedule",
                });
            }
            await db.SaveAsync("test data", default);
            return (measure.Id, months.ToArray());
        });
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDashboard_PutsARedMeasureUnderNeedsAttention_WithItsWordValueTargetAndTheRecordsBehindIt_AndListsOverdueWorkByOwner(string provider)
    {
        await using var app = await TestApp.StartOwnAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (measureId, _) = await SeedMeasureAsync(app, organization);
        var employee = organization[OrganizationRole.Employee];
        var employeeName = await app.WithCoreAsync(organization.Id, async (_, db) =>
        {
            var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db));
            db.CorrectiveActions.AddRange(
                new CorrectiveAction { Reference = "CA-0001", Title = "Rotate keys", OwnerId = employee.UserId, DueOn = today.AddDays(-2) },
                new CorrectiveAction { Reference = "CA-0002", Title = "Patch", OwnerId = employee.UserId, DueOn = today.AddDays(-1), Status = ActionStatus.InProgress },
                new CorrectiveAction { Reference = "CA-0003", Title = "Not due", OwnerId = employee.UserId, DueOn = today.AddDays(5) });
            await db.SaveAsync("test data", default);
            return await db.Users.Where(u => u.Id == employee.UserId).Select(u => u.DisplayName).SingleAsync();
        });

        var page = WebUtility.HtmlDecode(await (await app.SignInAsync(organization[OrganizationRole.Auditor])).GetPageAsync("/"));
        var attention = page[page.IndexOf("Needs attention", StringComparison.Ordinal)..page.IndexOf("</ul>", page.IndexOf("Needs attention", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("<span class=\"rag rag-Red\">Red</span>", attention);
        Assert.Contains($"<a href=\"/objectives/measures/{measureId}#records\">Agents with a current impact assessment</a>", attention);
        Assert.Contains("(OBJ-01): 62.5 % against ≥ 95 % — 62.5 % of AI systems.", attention);
        Assert.Contains("<h3 id=\"objective-", page);
        Assert.Contains("OBJ-01 Protect our AI agents", page);
        Assert.Contains("<svg", page);
        Assert.Contains("class=\"target\"", page);
        Assert.DoesNotContain("Next steps", page);
        Assert.Contains("Compliance by framework", page);

        var overdue = page[page.IndexOf("What is overdue and who owns it", StringComparison.Ordinal)..];
        Assert.Contains($"<td>{employeeName}</td>", overdue);
        Assert.Contains($"<a href=\"/actions?overdue=true&owner={employee.UserId}\">2 corrective actions</a>", overdue);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheMonthlyReport_ForAPastMonth_UsesTheValueStoredForIt_NotANewerOne_AndAMonthWithoutValuesShowsNoData(string provider)
    {
        await using var app = await TestApp.StartOwnAsync(provider);
        var organization = await app.SeedOrganizationAsync();
        var (measureId, months) = await SeedMeasureAsync(app, organization, [80m, 92m, 97m]);

        var (middle, empty) = await app.WithCoreAsync(organization.Id, async (_, db) =>
            (await MonthlyReport.BuildAsync(db, months[1]), await MonthlyReport.BuildAsync(db, OrganizationTime.AddMonths(months[0], -14))));
        var measure = middle.Measures.Single();
        Assert.Equal((measureId, 92m, MeasureStatus.Amber, "≥ 95 %", "92 %"), (measure.Row.MeasureId, measure.Value!.Value, measure.Status, measure.TargetText, measure.ValueText));
        Assert.Equal([80m, 92m], measure.Row.History.Select(h => h.Value!.Value));
        var trend = MonthlyReportDocument.Trend(middle, measure);
        Assert.Equal(12, trend.Count);
        Assert.Equal([null, null, null, null, null, null, null, null, null, null, 80m, 92m], trend.Select(t => t.Value?.Value));
        Assert.Empty(middle.Highlights);

        var none = empty.Measures.Single();
        Assert.Equal((MeasureStatus.NoData, "—"), (none.Status, none.ValueText));
        Assert.Contains("No data", MonthlyReportHtml.Body(empty));

        var future = await Assert.ThrowsAsync<ValidationFailedException>(() => app.WithCoreAsync(organization.Id, (_, db) =>
            MonthlyReport.BuildAsync(db, OrganizationTime.AddMonths(months[2], 2))));
        Assert.Contains("is in the future", future.Errors["month"].Single());
    }

    [Fact]
    public async Task TheReportPages_ServeHtmlWithSvgCharts_AndAPdfWithVectorCharts_ToReaders_AndRefuseBadMonths()
    {
        await using var app = await TestApp.StartOwnAsync("sqlite");
        var organization = await app.SeedOrganizationAsync();
        var (_, months) = await SeedMeasureAsync(app, organization);
        var month = OrganizationTime.MonthText(months[2]);
        var label = new DateOnly(months[2] / 100, months[2] % 100, 1).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var auditor = await app.SignInAsync(organization[OrganizationRole.Auditor]);

        var html = WebUtility.HtmlDecode(await auditor.GetPageAsync($"/reports/monthly?month={month}"));
        Assert.Contains($"Monthly security report — {label}", html);
        Assert.Contains("<svg", html);
        Assert.Contains("stroke-dasharray", html);
        Assert.Contains("(OBJ-01): 62.5 % against ≥ 95 %", html);
        Assert.Contains("value=\"" + month + "\"", html);

        var pdf = await auditor.GetAsync($"/reports/monthly.pdf?month={month}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var text = Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("%PDF-1.7", text);
        Assert.Contains(label, text);
        Assert.Contains("[3 2] 0 d", text); // the dashed target line
        Assert.Contains("0.15 0.39 0.92 RG", text); // the series, stroked as a path
        Assert.Contains("(target 95 %)", text);

        var future = OrganizationTime.MonthText(OrganizationTime.AddMonths(months[2], 3));
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync($"/reports/monthly?month={future}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync($"/reports/monthly.pdf?month={future}")).StatusCode);
        var bad = await auditor.GetAsync("/reports/monthly?month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not a month", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var employee = await app.SignInAsync(organization[OrganizationRole.Employee]);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync($"/reports/monthly?month={month}")).StatusCode);
    }

    [Fact]
    public async Task TheCli_WritesTheReportAsPdfOrHtml_AndRejectsABadMonthOrExtension()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var db = database.ConnectionString;
        await Support.Cli.AttestAsync("db", "migrate", "--database", db);
        await Support.Cli.AttestAsync("user", "add", "--database", db, "--email", "ciso@acme.example", "--role", "Manager", "--organization", "Acme");
        var folder = Directory.CreateTempSubdirectory("attest-report-");
        try
        {
            var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            var written = await Support.Cli.AttestAsync("report", "monthly", "--database", db, "--month", month, "-o", pdf);
            Assert.Equal((0, pdf), (written.Code, written.Output.Trim()));
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await File.ReadAllBytesAsync(pdf), 0, 8));

            var html = Path.Combine(folder.FullName, "report.html");
            var page = await Support.Cli.AttestAsync("report", "monthly", "--database", db, "--month", month, "-o", html);
            Assert.Equal((0, html), (page.Code, page.Output.Trim()));
            var content = await File.ReadAllTextAsync(html);
            Assert.StartsWith("<!DOCTYPE html>", content);
            Assert.Contains("@media print", content);
            Assert.Contains("No objective has been set yet.", content);

            var badMonth = await Support.Cli.AttestAsync("report", "monthly", "--database", db, "--month", "2026-13", "-o", pdf);
            Assert.Equal(1, badMonth.Code);
            Assert.Contains("--month: '2026-13' is not a month", badMonth.Error);
            var badExtension = await Support.Cli.AttestAsync("report", "monthly", "--database", db, "--month", month, "-o", Path.Combine(folder.FullName, "report.txt"));
            Assert.Equal(1, badExtension.Code);
            Assert.Contains("'report.txt' must end in .pdf or .html", badExtension.Error);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "report.txt")));
            var future = await Support.Cli.AttestAsync("report", "monthly", "--database", db, "--month", DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "-o", pdf);
            Assert.Equal(1, future.Code);
            Assert.Contains("is in the future", future.Error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
