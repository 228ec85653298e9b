using System.Globalization;
using Attest.Data;
using Attest.Documents;
using Microsoft.EntityFrameworkCore;

namespace Attest.AccessReviews;

/// <summary>
/// The campaign report for auditors: every item with who decided what and when, its flags and the remediation status. CSV and XLSX
/// hold every item; the PDF summarises the campaign and lists what an auditor samples (revocations and changes, privileged and
/// flagged access, anything undecided), with every item when the campaign is small.
/// </summary>
public static class AccessReviewReport
{
    /// <summary>A campaign of at most this many items lists them all in the PDF.</summary>
    public const int PdfAllItemsUpTo = 1_000;

    private static readonly string[] Columns =
    [
        "Campaign", "System", "Account", "Email", "Display name", "Person", "Entitlement", "Privileged", "Last used", "Flags", "Reviewer", "Decision", "Change to", "Comment",
        "Decided at (UTC)", "Decided by", "Remediation due", "Remediated at (UTC)", "Remediated by", "Remediation note",
    ];

    public static async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(AttestDbContext db, Guid campaignId, string format, CancellationToken cancellationToken = default)
    {
        var campaign = await AccessReviewQueries.CampaignAsync(db, campaignId, cancellationToken);
        var name = $"access-review-{campaign.Reference.ToLowerInvariant()}";
        switch ((format ?? "").Trim().ToLowerInvariant())
        {
            case "csv":
                return (Spreadsheets.Csv(Columns, (await RowsAsync(db, campaign, null, cancellationToken)).Select(r => Cells(campaign, r))), "text/csv; charset=utf-8", name + ".csv");
            case "xlsx":
                var rows = await RowsAsync(db, campaign, null, cancellationToken);
                return (Spreadsheets.Xlsx(campaign.Reference, Columns, [10, 18, 24, 28, 22, 22, 20, 10, 12, 24, 22, 10, 16, 40, 20, 28, 14, 20, 28, 40],
                    rows.Select(r => Cells(campaign, r).Cast<object?>().ToArray())), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            case "pdf":
                return (await PdfAsync(db, campaign, cancellationToken), "application/pdf", name + ".pdf");
            default:
                throw ValidationFailedException.For("Format", $"'{format}' is not a report format; use csv, xlsx or pdf.");
        }
    }

    private static async Task<List<ReviewItemRow>> RowsAsync(AttestDbContext db, CampaignDetail campaign, Func<IQueryable<AccessReviewItem>, IQueryable<AccessReviewItem>>? narrow,
        CancellationToken cancellationToken)
    {
        var items = db.AccessReviewItems.AsNoTracking().Where(i => i.CampaignId == campaign.Id);
        if (narrow is not null) items = narrow(items);
        var rows = await AccessReviewQueries.Project(db, items).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.System, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Account, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Entitlement, StringComparer.Ordinal).ToList();
    }

    private static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string[] Cells(CampaignDetail campaign, ReviewItemRow r) =>
    [
        campaign.Reference, r.System, r.Account, r.Email, r.DisplayName, r.Person ?? "", r.Entitlement, r.Privileged ? "yes" : "no", Date(r.LastUsedOn) is { Length: > 0 } d ? d : "never",
        r.Flags == AccessFlags.None ? "" : AccessFlagRules.Label(r.Flags), r.Reviewer ?? "", AccessFlagRules.Label(r.Decision), r.ChangeTo, r.Comment, Time(r.DecidedAt), r.DecidedBy,
        Date(r.RemediationDueOn), Time(r.RemediatedAt), r.RemediatedBy, r.RemediationNote,
    ];

    private static async Task<byte[]> PdfAsync(AttestDbContext db, CampaignDetail campaign, CancellationToken cancellationToken)
    {
        var summary = await AccessReviewQueries.SummaryAsync(db, campaign.Id, cancellationToken);
        var all = summary.Counts.Total <= PdfAllItemsUpTo;
        var rows = await RowsAsync(db, campaign, all ? null : items => items.Where(i => i.Decision != AccessDecision.Keep || i.Privileged || i.Flags != AccessFlags.None), cancellationToken);
        var blocks = new List<DocumentBlock>
        {
            new KeyValueTable(
            [
                ("Campaign", $"{campaign.Reference} {campaign.Title}"),
                ("Status", campaign.Status.ToString()),
                ("Systems", string.Join(", ", campaign.Systems.Select(s => s.Name))),
                ("Reviewers", AccessFlagRules.Label(campaign.Reviewers)),
                ("Due", Date(campaign.DueOn)),
                ("Opened", Time(campaign.OpenedAt)),
                ("Completed", campaign.CompletedAt is { } done ? $"{Time(done)} ({(DateOnly.FromDateTime(done.UtcDateTime) <= campaign.DueOn ? "on time" : "late")})" : "not yet"),
                ("Items", $"{summary.Counts.Total}: {summary.Counts.Keep} kept, {summary.Counts.Revoke} revoked, {summary.Counts.Change} changed, {summary.Counts.Pending} pending"),
                ("Remediation", $"{summary.Confirmed} confirmed, {summary.OpenRemediations} open ({summary.OverdueRemediations} overdue); revoke within {campaign.RevokeWithinDays} days"),
            ]),
            new Heading("Flags", 2),
            new Table(["Flag", "Items", "Pending", "Revoked or changed"], summary.ByFlag.Select(f => (IReadOnlyList<string>)[AccessFlagRules.Label(f.Flag), N(f.Items), N(f.Pending), N(f.Revoked)]).ToList(), [2, 1, 1, 1]),
            new Heading("Progress by reviewer", 2),
            new Table(["Reviewer", "Items", "Kept", "Revoked", "Changed", "Pending"],
                summary.ByReviewer.Select(r => (IReadOnlyList<string>)[r.Reviewer, N(r.Counts.Total), N(r.Counts.Keep), N(r.Counts.Revoke), N(r.Counts.Change), N(r.Counts.Pending)]).ToList(), [3, 1, 1, 1, 1, 1]),
            new Heading("Progress by system", 2),
            new Table(["System", "Items", "Kept", "Revoked", "Changed", "Pending"],
                summary.BySystem.Select(r => (IReadOnlyList<string>)[r.System, N(r.Counts.Total), N(r.Counts.Keep), N(r.Counts.Revoke), N(r.Counts.Change), N(r.Counts.Pending)]).ToList(), [3, 1, 1, 1, 1, 1]),
            new Heading(all ? "Every item" : "Revocations, changes, privileged and flagged access, and undecided items", 2),
        };
        if (!all) blocks.Add(new Paragraph($"The campaign has {summary.Counts.Total} items; the {summary.Counts.Total - rows.Count} unflagged, non-privileged ones kept are in the CSV and XLSX reports."));
        blocks.Add(rows.Count == 0 ? new Paragraph("No items.") : new Table(["System", "Account", "Entitlement", "Flags", "Reviewer", "Decision", "Comment", "Decided", "Remediation"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.System, r.Account + (r.Person is { } p ? $" ({p})" : ""), r.Entitlement + (r.Privileged ? " [privileged]" : ""), AccessFlagRules.Label(r.Flags), r.Reviewer ?? "",
                AccessFlagRules.Label(r.Decision) + (r.ChangeTo.Length > 0 ? $" → {r.ChangeTo}" : ""), r.Comment, r.DecidedAt is null ? "" : $"{Time(r.DecidedAt)} {r.DecidedBy}",
                !AccessFlagRules.NeedsRemediation(r.Decision) ? "" : r.RemediatedAt is null ? $"open, due {Date(r.RemediationDueOn)}" : $"done {Time(r.RemediatedAt)} by {r.RemediatedBy}: {r.RemediationNote}",
            ]).ToList(), [1.2, 1.8, 1.4, 1.1, 1.3, 0.9, 2.2, 1.6, 2.2]));
        var document = new PrintableDocument($"Access review {campaign.Reference}: {campaign.Title}", "User access review report (ISO/IEC 27001 A.5.15–A.5.18, A.8.2)", blocks) { Landscape = true };
        return PdfDocumentWriter.Write(document, db.Clock.GetUtcNow());
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
