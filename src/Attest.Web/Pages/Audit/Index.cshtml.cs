using System.Text.Json;
using Attest.Audit;
using Attest.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Audit;

/// <summary>The organization's audit log, filterable by record, person, change and dates; a record's "History" links here.</summary>
[Authorize(Policy = Access.Reader)]
public sealed class IndexModel(AttestDbContext db) : PageModel
{
    public sealed record Field(string Name, string? Before, string? After);

    [BindProperty(SupportsGet = true)] public string? RecordType { get; set; }
    [BindProperty(SupportsGet = true)] public string? RecordId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? BeforeSequence { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public long? NextBeforeSequence { get; private set; }
    public IReadOnlyList<string> RecordTypes { get; private set; } = [];
    public string ChainStatus { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var page = await AuditLogQuery.RunAsync(db, new AuditFilter(RecordType, RecordId, Actor, Action,
            From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), BeforeSequence, 50),
            HttpContext.RequestAborted);
        Rows = page.Rows;
        NextBeforeSequence = page.NextBeforeSequence;
        RecordTypes = AuditLogQuery.RecordTypes(db);
        var head = await db.AuditChainHeads.AsNoTracking().Select(h => new { h.Sequence, h.Hash }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        ChainStatus = head is null ? "no entries yet." : $"{head.Sequence} entries, latest hash {head.Hash[..16]}… (verify with 'attest audit verify').";
    }

    public IEnumerable<Field> FieldsOf(AuditRow row)
    {
        using var document = JsonDocument.Parse(row.Changes);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            yield return new Field(property.Name, Text(property.Value, "before"), Text(property.Value, "after"));
        }
    }

    private static string? Text(JsonElement change, string side) =>
        change.TryGetProperty(side, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Null => "(empty)",
            JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        } : null;

    public string PageLink(long? before)
    {
        var query = new Dictionary<string, string?>
        {
            ["recordType"] = RecordType, ["recordId"] = RecordId, ["actor"] = Actor, ["action"] = Action?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["beforeSequence"] = before?.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/audit", query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary());
    }
}
