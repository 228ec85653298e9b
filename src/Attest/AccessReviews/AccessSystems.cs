using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.AccessReviews;

public sealed record AccessSystemInput(string Name, string? Description = null, Guid? AssetId = null, Guid? OwnerId = null, int UnusedAfterDays = 90, int Version = 0);

/// <summary>Adds or updates a system whose accounts are reviewed.</summary>
public sealed class SaveAccessSystem(AttestDbContext db)
{
    /// <summary>Creates the system (<paramref name="id"/> null) or updates it; the owner must be a member, the asset one of this organization.</summary>
    /// <exception cref="ValidationFailedException">A field breaks a rule (named).</exception>
    /// <exception cref="RecordNotFoundException">No such system here.</exception>
    public async Task<Guid> RunAsync(Guid? id, AccessSystemInput input, CancellationToken cancellationToken = default)
    {
        var validation = new Validation().Required(nameof(input.Name), input.Name, 200).MaxLength(nameof(input.Description), input.Description, 2000);
        if (input.UnusedAfterDays is < 1 or > 3650) validation.Add(nameof(input.UnusedAfterDays), "must be 1 to 3650 days.");
        AccessSystem? system = null;
        if (id is not null) system = await db.AccessSystems.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Access system", id);
        var name = input.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.AccessSystems.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken))
        {
            validation.Add(nameof(input.Name), $"another system is already called {name}.");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);
        if (input.AssetId is { } asset && !await db.Assets.AnyAsync(a => a.Id == asset, cancellationToken)) validation.Add(nameof(input.AssetId), "is not an asset of this organization.");
        validation.ThrowIfInvalid();
        if (system is null)
        {
            system = new AccessSystem { Name = name };
            db.AccessSystems.Add(system);
        }
        else
        {
            db.Entry(system).Property(s => s.Version).OriginalValue = input.Version;
        }
        system.Name = name;
        system.Description = input.Description?.Trim() ?? "";
        system.AssetId = input.AssetId;
        system.OwnerId = input.OwnerId;
        system.UnusedAfterDays = input.UnusedAfterDays;
        await db.SaveAsync("access system", cancellationToken);
        return system.Id;
    }
}

/// <summary>Removes a system with its accounts; refused while a campaign has reviewed it, so the review record stays whole.</summary>
public sealed class RemoveAccessSystem(AttestDbContext db)
{
    public async Task RunAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var system = await db.AccessSystems.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Access system", id);
        if (await db.AccessReviewCampaignSystems.AnyAsync(l => l.SystemId == id, cancellationToken))
        {
            throw ValidationFailedException.For("System", $"{system.Name} is part of an access review; it stays for the review's record.");
        }
        db.Entry(system).Property(s => s.Version).OriginalValue = version;
        // The database removes the system's grants with it (cascade); they are not audited one by one.
        db.AccessSystems.Remove(system);
        await db.SaveAsync("access system", cancellationToken);
    }
}
