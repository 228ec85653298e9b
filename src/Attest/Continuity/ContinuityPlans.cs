using Attest.Data;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Continuity;

public sealed record ContinuityPlanInput(
    string Title,
    PlanKind Kind = PlanKind.Continuity,
    PlanStatus Status = PlanStatus.Draft,
    string? Reference = null,
    Guid? ServiceAssetId = null,
    /// <summary>Recovery time objective as written: "4h", "30min", "1d", or minutes.</summary>
    string? Rto = null,
    /// <summary>Recovery point objective, in the same notation.</summary>
    string? Rpo = null,
    Guid? OwnerId = null,
    Guid? DeputyId = null,
    string? Activation = null,
    string? Steps = null,
    string? Contacts = null,
    DateOnly? LastReviewedOn = null,
    DateOnly? NextReviewOn = null,
    /// <summary>Assets the service depends on; null leaves them as they are.</summary>
    IReadOnlyList<Guid>? AssetIds = null,
    /// <summary>Suppliers the service depends on; null leaves them as they are.</summary>
    IReadOnlyList<Guid>? SupplierIds = null,
    int Version = 0);

/// <summary>
/// Creates or updates a continuity or recovery plan (A.5.29, A.5.30) with its dependencies. Approving a plan is for Managers and Admins,
/// needs an owner, a recovery time objective and the steps, and stamps the approval date; a plan sent back to draft loses it.
/// </summary>
public sealed class SaveContinuityPlan(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, ContinuityPlanInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Reference), input.Reference, 20)
            .MaxLength(nameof(input.Activation), input.Activation, 20_000)
            .MaxLength(nameof(input.Steps), input.Steps, 50_000)
            .MaxLength(nameof(input.Contacts), input.Contacts, 20_000)
            .Defined(nameof(input.Kind), input.Kind)
            .Defined(nameof(input.Status), input.Status);
        var rto = ObjectiveDuration.Parse(input.Rto, nameof(input.Rto), validation);
        var rpo = ObjectiveDuration.Parse(input.Rpo, nameof(input.Rpo), validation);
        ContinuityPlan? plan = null;
        if (id is not null) plan = await db.ContinuityPlans.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Continuity plan", id);

        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.DeputyId is { } deputy)
        {
            if (deputy == input.OwnerId) validation.Add(nameof(input.DeputyId), "must be someone other than the owner.");
            else if (!await db.Memberships.AnyAsync(m => m.UserId == deputy, cancellationToken)) validation.Add(nameof(input.DeputyId), "must be a member of this organization.");
        }
        if (input.ServiceAssetId is { } service && !await db.Assets.AnyAsync(a => a.Id == service, cancellationToken))
        {
            validation.Add(nameof(input.ServiceAssetId), "is not an asset of this organization.");
        }
        var reference = input.Reference?.Trim();
        if (!string.IsNullOrEmpty(reference) && await db.ContinuityPlans.AnyAsync(p => p.Reference == reference && p.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Reference), $"{reference} is already used by another plan.");
        }
        if (input.Status == PlanStatus.Approved)
        {
            if (input.OwnerId is null) validation.Add(nameof(input.OwnerId), "an approved plan needs an owner.");
            if (rto is null && string.IsNullOrWhiteSpace(input.Rto)) validation.Add(nameof(input.Rto), "an approved plan needs a recovery time objective.");
            if (string.IsNullOrWhiteSpace(input.Steps)) validation.Add(nameof(input.Steps), "an approved plan needs its steps.");
            if (plan?.Status != PlanStatus.Approved && db.Acting.Role is not (null or OrganizationRole.Admin or OrganizationRole.Manager))
            {
                validation.Add(nameof(input.Status), "a plan is approved by a Manager or an Admin.");
            }
        }
        if (input.NextReviewOn is { } next && input.LastReviewedOn is { } last && next < last)
        {
            validation.Add(nameof(input.NextReviewOn), "must not be before the last review.");
        }
        var assetIds = input.AssetIds?.Distinct().ToList();
        if (assetIds is { Count: > 0 } && await db.Assets.CountAsync(a => assetIds.Contains(a.Id), cancellationToken) != assetIds.Count)
        {
            validation.Add(nameof(input.AssetIds), "names assets that do not exist in this organization.");
        }
        var supplierIds = input.SupplierIds?.Distinct().ToList();
        if (supplierIds is { Count: > 0 } && await db.Suppliers.CountAsync(s => supplierIds.Contains(s.Id), cancellationToken) != supplierIds.Count)
        {
            validation.Add(nameof(input.SupplierIds), "names suppliers that do not exist in this organization.");
        }
        validation.ThrowIfInvalid();

        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), await OrganizationTime.ZoneAsync(db, cancellationToken));
        if (plan is null)
        {
            plan = new ContinuityPlan
            {
                Reference = string.IsNullOrEmpty(reference) ? await References.NextAsync(db.ContinuityPlans.Select(p => p.Reference), "BCP-", 3, cancellationToken) : reference,
                Title = input.Title.Trim(),
            };
            db.ContinuityPlans.Add(plan);
        }
        else
        {
            db.Entry(plan).Property(p => p.Version).OriginalValue = input.Version;
            if (!string.IsNullOrEmpty(reference)) plan.Reference = reference;
        }
        plan.ApprovedOn = input.Status switch
        {
            PlanStatus.Approved when plan.Status != PlanStatus.Approved || plan.ApprovedOn is null => today,
            PlanStatus.Draft => null,
            _ => plan.ApprovedOn,
        };
        plan.Title = input.Title.Trim();
        plan.Kind = input.Kind;
        plan.Status = input.Status;
        plan.ServiceAssetId = input.ServiceAssetId;
        plan.RtoMinutes = rto;
        plan.RpoMinutes = rpo;
        plan.OwnerId = input.OwnerId;
        plan.DeputyId = input.DeputyId;
        plan.Activation = input.Activation?.Trim() ?? "";
        plan.Steps = input.Steps?.Trim() ?? "";
        plan.Contacts = input.Contacts?.Trim() ?? "";
        plan.LastReviewedOn = input.LastReviewedOn;
        // An approved plan is reviewed yearly unless a date is given.
        plan.NextReviewOn = input.NextReviewOn ?? (input.Status == PlanStatus.Approved ? (input.LastReviewedOn ?? plan.ApprovedOn ?? today).AddYears(1) : null);
        if (assetIds is not null)
        {
            var linked = await db.PlanAssets.Where(l => l.PlanId == plan.Id).ToListAsync(cancellationToken);
            db.PlanAssets.RemoveRange(linked.Where(l => !assetIds.Contains(l.AssetId)));
            foreach (var asset in assetIds.Where(a => !linked.Any(l => l.AssetId == a))) db.PlanAssets.Add(new PlanAsset { PlanId = plan.Id, AssetId = asset });
        }
        if (supplierIds is not null)
        {
            var linked = await db.PlanSuppliers.Where(l => l.PlanId == plan.Id).ToListAsync(cancellationToken);
            db.PlanSuppliers.RemoveRange(linked.Where(l => !supplierIds.Contains(l.SupplierId)));
            foreach (var supplier in supplierIds.Where(s => !linked.Any(l => l.SupplierId == s))) db.PlanSuppliers.Add(new PlanSupplier { PlanId = plan.Id, SupplierId = supplier });
        }
        await db.SaveAsync("continuity plan", cancellationToken);
        return plan.Id;
    }
}

/// <summary>Removes a plan with its dependency links. Its exercises stay, no longer tied to a plan; retiring the plan is usually the better choice.</summary>
public sealed class RemoveContinuityPlan(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var plan = await db.ContinuityPlans.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Continuity plan", id);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        db.PlanAssets.RemoveRange(await db.PlanAssets.Where(l => l.PlanId == id).ToListAsync(cancellationToken));
        db.PlanSuppliers.RemoveRange(await db.PlanSuppliers.Where(l => l.PlanId == id).ToListAsync(cancellationToken));
        foreach (var exercise in await db.ContinuityExercises.Where(e => e.PlanId == id).ToListAsync(cancellationToken)) exercise.PlanId = null;
        db.ContinuityPlans.Remove(plan);
        await db.SaveAsync("continuity plan", cancellationToken);
    }
}

/// <summary>Turns "SUP-001, SUP-004" into supplier ids, naming any reference that is not a supplier here.</summary>
public static class SupplierReferences
{
    public static Task<IReadOnlyList<Guid>> ResolveAsync(AttestDbContext db, string? references, string field, CancellationToken cancellationToken = default) =>
        References.ResolveAsync(references, field, "supplier", async (wanted, token) =>
            await db.Suppliers.AsNoTracking().Where(s => wanted.Contains(s.Reference)).Select(s => new KeyValuePair<string, Guid>(s.Reference, s.Id)).ToListAsync(token), cancellationToken);
}
