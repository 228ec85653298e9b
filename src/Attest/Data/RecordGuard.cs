using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Data;

/// <summary>Raised when a write would touch another organization's data.</summary>
public sealed class CrossOrganizationWriteException(string message) : InvalidOperationException(message);

/// <summary>Raised when a write would alter a published document version, which is kept exactly as it was published.</summary>
public sealed class PublishedVersionChangeException(string message) : InvalidOperationException(message);

/// <summary>Raised when a write would alter a dated record that is kept exactly as it was taken (a measurement, a held review's inputs).</summary>
public sealed class ImmutableRecordChangeException(string message) : InvalidOperationException(message);

/// <summary>Before every save: puts new records in the acting organization, refuses writes across organizations, bumps versions and times.</summary>
internal static class RecordGuard
{
    public static void StampAndGuard(AttestDbContext db, DateTimeOffset now)
    {
        var acting = db.CurrentOrganizationId;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;

            if (entry.Entity is IOrganizationOwned owned)
            {
                if (entry.State == EntityState.Added && owned.OrganizationId == Guid.Empty)
                {
                    owned.OrganizationId = acting ?? throw new CrossOrganizationWriteException(
                        $"A new {entry.Metadata.ClrType.Name} needs an organization, and none is selected.");
                }
                if (acting is not null && owned.OrganizationId != acting)
                {
                    throw new CrossOrganizationWriteException(
                        $"{entry.Metadata.ClrType.Name} belongs to another organization and cannot be changed here.");
                }
                if (entry.State == EntityState.Modified &&
                    entry.Property(nameof(IOrganizationOwned.OrganizationId)).IsModified)
                {
                    throw new CrossOrganizationWriteException($"A {entry.Metadata.ClrType.Name} cannot move to another organization.");
                }
            }
            if (entry.Entity is Organization organization && acting is not null && entry.State != EntityState.Added && organization.Id != acting)
            {
                throw new CrossOrganizationWriteException("Another organization's settings cannot be changed here.");
            }

            if (entry.Entity is Objectives.Measurement && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new ImmutableRecordChangeException("A measurement is a dated record and never changes; take a new measurement instead.");
            }
            if (entry.Entity is Reviews.ManagementReview && entry.State == EntityState.Modified &&
                entry.Property(nameof(Reviews.ManagementReview.InputsJson)).OriginalValue is string &&
                entry.Property(nameof(Reviews.ManagementReview.InputsJson)).IsModified)
            {
                throw new ImmutableRecordChangeException("A held management review's inputs are frozen as they were on the review date.");
            }

            if (entry.Entity is Policies.DocumentVersion && entry.State is EntityState.Modified or EntityState.Deleted &&
                entry.Property(nameof(Policies.DocumentVersion.Status)).OriginalValue is Policies.DocumentVersionStatus original &&
                original is Policies.DocumentVersionStatus.Published or Policies.DocumentVersionStatus.Superseded or Policies.DocumentVersionStatus.Retired)
            {
                var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)
                    .Except([nameof(Policies.DocumentVersion.Status), nameof(IVersionedRecord.Version), nameof(OrganizationRecord.UpdatedAt)]).ToList();
                if (entry.State == EntityState.Deleted || changed.Count > 0)
                {
                    throw new PublishedVersionChangeException($"A published document version never changes (attempted: {(entry.State == EntityState.Deleted ? "deletion" : string.Join(", ", changed))}); edit the document to make a new draft.");
                }
            }

            // Version 0 means "not seen yet": a form opened before the record existed conflicts with its creation.
            if (entry.Entity is IVersionedRecord versioned)
            {
                if (entry.State == EntityState.Modified) versioned.Version++;
                else if (entry.State == EntityState.Added && versioned.Version == 0) versioned.Version = 1;
            }
            if (entry.Entity is OrganizationRecord record)
            {
                if (entry.State == EntityState.Added)
                {
                    record.CreatedAt = now;
                    record.UpdatedAt = now;
                }
                else if (entry.State == EntityState.Modified)
                {
                    record.UpdatedAt = now;
                }
            }
            else if (entry.State == EntityState.Added)
            {
                switch (entry.Entity)
                {
                    case Organization o when o.CreatedAt == default: o.CreatedAt = now; break;
                    case Membership m when m.CreatedAt == default: m.CreatedAt = now; break;
                    case Accounts.User u when u.CreatedAt == default: u.CreatedAt = now; break;
                }
            }
        }
    }
}
