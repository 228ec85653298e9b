using System.Text;
using System.Text.Json;
using Attest.Data;
using Attest.Documents;
using Microsoft.EntityFrameworkCore;

namespace Attest.Context;

/// <summary>The ISMS context as one readable document: the scope (current or as at a date), interested parties and issues.</summary>
public sealed record ScopeDocument(
    string OrganizationName,
    ScopeSnapshot? Scope,
    int Revision,
    DateTimeOffset? RecordedAt,
    string? RecordedBy,
    int Version,
    IReadOnlyList<ScopeDocument.Party> InterestedParties,
    IReadOnlyList<ScopeDocument.Issue> Issues)
{
    public sealed record Party(Guid Id, string Name, PartyKind Kind, ManagementSystem Concerns, string Requirements, string HowAddressed, string? Owner, int Version);
    public sealed record Issue(Guid Id, string Title, PartyKind Kind, IssueCategory Category, ManagementSystem Concerns, string Description, string Effect, string? Owner, int Version);
    public sealed record RevisionRow(int Revision, DateTimeOffset RecordedAt, string RecordedBy, string ChangeNote);

    /// <summary>Loads the context; with <paramref name="asAt"/>, the scope revision in force at that instant.</summary>
    public static async Task<ScopeDocument> LoadAsync(AttestDbContext db, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default)
    {
        var organizationId = db.Acting.RequireOrganization();
        var organizationName = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var scopeHead = await db.Scopes.AsNoTracking().Select(s => new { s.Id, s.Version }).FirstOrDefaultAsync(cancellationToken);

        var revisions = db.ScopeRevisions.AsNoTracking();
        if (asAt is not null)
        {
            var limit = asAt.Value.ToUniversalTime();
            revisions = revisions.Where(r => r.RecordedAt <= limit);
        }
        var revision = await revisions.OrderByDescending(r => r.Revision).FirstOrDefaultAsync(cancellationToken);

        var parties = await PartyRows(db).ToListAsync(cancellationToken);
        var issues = await IssueRows(db).ToListAsync(cancellationToken);

        return new ScopeDocument(
            organizationName,
            revision is null ? null : JsonSerializer.Deserialize<ScopeSnapshot>(revision.Snapshot),
            revision?.Revision ?? 0,
            revision?.RecordedAt,
            revision?.RecordedBy,
            scopeHead?.Version ?? 0,
            parties,
            issues);
    }

    /// <summary>Interested parties as the document shows them, in its order (or just the one with <paramref name="id"/>).</summary>
    public static IQueryable<Party> PartyRows(AttestDbContext db, Guid? id = null) =>
        db.InterestedParties.AsNoTracking()
            .Where(p => id == null || p.Id == id)
            .OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new Party(p.Id, p.Name, p.Kind, p.Concerns, p.Requirements, p.HowAddressed,
                db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), p.Version));

    /// <summary>Internal and external issues as the document shows them, in its order (or just the one with <paramref name="id"/>).</summary>
    public static IQueryable<Issue> IssueRows(AttestDbContext db, Guid? id = null) =>
        db.ContextIssues.AsNoTracking()
            .Where(i => id == null || i.Id == id)
            .OrderBy(i => i.Kind).ThenBy(i => i.Category).ThenBy(i => i.Title)
            .Select(i => new Issue(i.Id, i.Title, i.Kind, i.Category, i.Concerns, i.Description, i.Effect,
                db.Users.Where(u => u.Id == i.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), i.Version));

    public static Task<List<RevisionRow>> RevisionsAsync(AttestDbContext db, CancellationToken cancellationToken = default) =>
        db.ScopeRevisions.AsNoTracking()
            .OrderByDescending(r => r.Revision)
            .Select(r => new RevisionRow(r.Revision, r.RecordedAt, r.RecordedBy, r.ChangeNote))
            .ToListAsync(cancellationToken);

    private IEnumerable<(string Title, string Text)> Sections()
    {
        if (Scope is null) yield break;
        yield return ("Organizational scope", Scope.OrganizationalScope);
        yield return ("Geographical scope", Scope.GeographicalScope);
        yield return ("Business processes and services", Scope.BusinessProcesses);
        yield return ("Technology scope", Scope.TechnologyScope);
        yield return ("Data scope", Scope.DataScope);
        yield return ("Interfaces and dependencies", Scope.InterfacesAndDependencies);
    }

    /// <summary>The document as Markdown, the way it is handed to an auditor.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"# ISMS scope — {OrganizationName}").AppendLine();
        if (Scope is null)
        {
            text.AppendLine("The scope has not been written yet.");
            return text.ToString();
        }
        text.AppendLine($"Revision {Revision}, recorded {RecordedAt:yyyy-MM-dd HH:mm} UTC by {RecordedBy}.").AppendLine();
        text.AppendLine("## Scope statement").AppendLine().AppendLine(Scope.Statement).AppendLine();
        foreach (var (title, body) in Sections())
        {
            text.AppendLine($"## {title}").AppendLine().AppendLine(string.IsNullOrWhiteSpace(body) ? "_Not stated._" : body).AppendLine();
        }
        text.AppendLine("## Exclusions").AppendLine();
        if (Scope.Exclusions.Count == 0) text.AppendLine("None.").AppendLine();
        else
        {
            text.AppendLine("| Excluded | Justification |").AppendLine("|---|---|");
            foreach (var exclusion in Scope.Exclusions) text.AppendLine($"| {Cell(exclusion.Item)} | {Cell(exclusion.Justification)} |");
            text.AppendLine();
        }
        text.AppendLine("## Interested parties").AppendLine();
        if (InterestedParties.Count == 0) text.AppendLine("None recorded.").AppendLine();
        else
        {
            text.AppendLine("| Party | Internal/external | Requirements | How addressed |").AppendLine("|---|---|---|---|");
            foreach (var party in InterestedParties) text.AppendLine($"| {Cell(party.Name)} | {party.Kind} | {Cell(party.Requirements)} | {Cell(party.HowAddressed)} |");
            text.AppendLine();
        }
        text.AppendLine("## Internal and external issues").AppendLine();
        if (Issues.Count == 0) text.AppendLine("None recorded.").AppendLine();
        else
        {
            text.AppendLine("| Issue | Internal/external | Category | Effect and response |").AppendLine("|---|---|---|---|");
            foreach (var issue in Issues) text.AppendLine($"| {Cell(issue.Title)} | {issue.Kind} | {issue.Category} | {Cell(issue.Effect)} |");
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|").ReplaceLineEndings(" ");

    /// <summary>The same document laid out for print.</summary>
    public PrintableDocument ToPrintable()
    {
        var blocks = new List<DocumentBlock>();
        if (Scope is null)
        {
            blocks.Add(new Paragraph("The scope has not been written yet."));
            return new PrintableDocument($"ISMS scope — {OrganizationName}", null, blocks);
        }
        blocks.Add(new Heading("Scope statement", 1));
        blocks.Add(new Paragraph(Scope.Statement));
        foreach (var (title, body) in Sections())
        {
            blocks.Add(new Heading(title, 1));
            blocks.Add(new Paragraph(string.IsNullOrWhiteSpace(body) ? "Not stated." : body));
        }
        blocks.Add(new Heading("Exclusions", 1));
        blocks.Add(Scope.Exclusions.Count == 0
            ? new Paragraph("None.")
            : new KeyValueTable(Scope.Exclusions.Select(e => (e.Item, e.Justification)).ToList()));
        blocks.Add(new Heading("Interested parties", 1));
        if (InterestedParties.Count == 0) blocks.Add(new Paragraph("None recorded."));
        foreach (var party in InterestedParties)
        {
            blocks.Add(new Heading($"{party.Name} ({party.Kind.ToString().ToLowerInvariant()})", 2));
            blocks.Add(new KeyValueTable([("Requirements", party.Requirements), ("How addressed", party.HowAddressed)]));
        }
        blocks.Add(new Heading("Internal and external issues", 1));
        if (Issues.Count == 0) blocks.Add(new Paragraph("None recorded."));
        foreach (var issue in Issues)
        {
            blocks.Add(new Heading($"{issue.Title} ({issue.Kind.ToString().ToLowerInvariant()}, {issue.Category.ToString().ToLowerInvariant()})", 2));
            blocks.Add(new KeyValueTable([("Description", issue.Description), ("Effect and response", issue.Effect)]));
        }
        return new PrintableDocument($"ISMS scope — {OrganizationName}",
            $"Revision {Revision}, recorded {RecordedAt:yyyy-MM-dd HH:mm} UTC by {RecordedBy}", blocks);
    }
}
