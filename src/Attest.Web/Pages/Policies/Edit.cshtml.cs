using Attest.Data;
using Attest.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Pages.Policies;

/// <summary>Creates a document or edits its working draft (a published document gets a new draft). Contributors edit the documents they own.</summary>
[Authorize(Policy = Access.Editor)]
public sealed class EditModel(AttestDbContext db, IAuthorizationService authorization, SaveDocument save, ActingContext acting)
    : OwnedRecordPage<Document>(db, authorization)
{
    public sealed class DocumentForm
    {
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Body { get; set; }
        public DocumentKind Kind { get; set; }
        public string? Reference { get; set; }
        public Guid? OwnerId { get; set; }
        public DocumentClassification Classification { get; set; } = DocumentClassification.Internal;
        public int ReviewMonths { get; set; } = 12;
        public string? ReviewCycle { get; set; }
        public DocumentDistribution Distribution { get; set; } = DocumentDistribution.AllPersonnel;
        public string? DistributionGroups { get; set; }
        public int AcceptWithinDays { get; set; } = 14;
        public bool MinorVersionsNeedAcceptance { get; set; }
        public bool ListPublicly { get; set; }
        public bool PublishFullText { get; set; }
        public string? Relevance { get; set; }
        public string? Approvers { get; set; }
        public string? Related { get; set; }
        public bool MajorChange { get; set; }
        public string? ChangeNote { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "new";
    [BindProperty] public DocumentForm Input { get; set; } = new();
    public string? Reference { get; private set; }
    public bool EditingPublished { get; private set; }
    public bool HasPublished { get; private set; }
    public string? PublishedNumber { get; private set; }
    public string NextMajor { get; private set; } = "2.0";

    public async Task<IActionResult> OnGetAsync()
    {
        IsNew = Id == "new";
        if (IsNew)
        {
            Input.OwnerId = acting.UserId;
        }
        else
        {
            var (record, refusal) = await EditableAsync(Id);
            if (refusal is not null) return refusal;
            if (record!.Retired) return NotFound();
            var detail = await DocumentQueries.DetailAsync(Db, record.Id, HttpContext.RequestAborted);
            Fill(detail);
        }
        await LoadOwnersAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        IsNew = Id == "new";
        Guid? id = null;
        if (!IsNew)
        {
            var (existing, refusal) = await EditableAsync(Id);
            if (refusal is not null) return refusal;
            id = existing!.Id;
            await DescribeAsync(existing.Id);
        }
        return await SaveAsync(async () =>
            {
                var related = await ResolveRelatedAsync(Input.Related);
                id = await save.RunAsync(id, new DocumentInput(Input.Title ?? "", Input.Summary, Input.Body, Input.Kind, Input.Reference, Input.OwnerId, Input.Classification,
                    Input.ReviewMonths, Input.ReviewCycle, Input.Distribution, Input.DistributionGroups, Input.AcceptWithinDays, Input.MinorVersionsNeedAcceptance,
                    Input.ListPublicly, Input.PublishFullText, Input.Relevance, Input.Approvers, related, Input.MajorChange, Input.ChangeNote, Input.Version),
                    HttpContext.RequestAborted);
            },
            $"The draft of '{Input.Title}' has been saved.",
            async () => { if (id is { } existing && await FindAsync(existing) is { } current) Input.Version = current.Version; },
            successUrl: () => $"/policies/{id}");
    }

    private async Task<IReadOnlyList<Guid>> ResolveRelatedAsync(string? references)
    {
        var wanted = SaveDocument.Split(references);
        if (wanted.Count == 0) return [];
        var found = await Db.Documents.AsNoTracking().Where(d => wanted.Contains(d.Reference)).Select(d => new { d.Id, d.Reference }).ToListAsync(HttpContext.RequestAborted);
        var missing = wanted.Where(w => !found.Any(f => string.Equals(f.Reference, w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0) throw ValidationFailedException.For("Related", $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not a document reference here.");
        return found.Select(f => f.Id).ToList();
    }

    private async Task DescribeAsync(Guid id) => Describe(await DocumentQueries.DetailAsync(Db, id, HttpContext.RequestAborted));

    private void Describe(DocumentDetail detail)
    {
        Reference = detail.Reference;
        HasPublished = detail.Published is not null;
        EditingPublished = detail.Latest.Status is DocumentVersionStatus.Published;
        PublishedNumber = detail.Published?.Number;
        NextMajor = detail.Published is { } p ? $"{int.Parse(p.Number.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) + 1}.0" : "1.0";
    }

    private void Fill(DocumentDetail detail)
    {
        Describe(detail);
        var latest = detail.Latest;
        Input = new DocumentForm
        {
            Title = latest.Title, Summary = latest.Summary, Body = latest.Body, Kind = detail.Kind, Reference = detail.Reference, OwnerId = detail.OwnerId,
            Classification = detail.Classification, ReviewMonths = detail.ReviewMonths, ReviewCycle = detail.ReviewCycle, Distribution = detail.Distribution,
            DistributionGroups = detail.DistributionGroups, AcceptWithinDays = detail.AcceptWithinDays, MinorVersionsNeedAcceptance = detail.MinorVersionsNeedAcceptance,
            ListPublicly = detail.ListPublicly, PublishFullText = detail.PublishFullText, Relevance = latest.Relevance, Approvers = detail.Approvers,
            Related = string.Join(", ", detail.Related.Select(r => r.Reference)),
            MajorChange = detail.Published is { } published && !EditingPublished && latest.Number.Split('.')[0] != published.Number.Split('.')[0],
            ChangeNote = EditingPublished ? "" : latest.ChangeNote, Version = detail.Version,
        };
    }
}
