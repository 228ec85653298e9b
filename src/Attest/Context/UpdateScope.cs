using System.Text.Json;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Context;

public sealed record ScopeExclusionInput(string Item, string Justification);

public sealed record ScopeInput(
    string Statement,
    string OrganizationalScope,
    string GeographicalScope,
    string BusinessProcesses,
    string TechnologyScope,
    string DataScope,
    string InterfacesAndDependencies,
    IReadOnlyList<ScopeExclusionInput> Exclusions,
    string? ChangeNote,
    int Version);

/// <summary>Saves the ISMS scope as a new numbered revision, keeping every earlier one.</summary>
public sealed class UpdateScope(AttestDbContext db)
{
    public const int TextLimit = 20_000;

    /// <summary>Validates and saves <paramref name="input"/>; returns the new revision number.</summary>
    /// <exception cref="ValidationFailedException">A field breaks a rule.</exception>
    /// <exception cref="EditConflictException">Someone saved the scope after <paramref name="input"/>'s version was read.</exception>
    public async Task<int> RunAsync(ScopeInput input, CancellationToken cancellationToken = default)
    {
        Validate(input);
        var organizationId = db.Acting.RequireOrganization();
        var scope = await db.Scopes.Include(s => s.Exclusions).FirstOrDefaultAsync(cancellationToken);
        if (scope is null)
        {
            scope = new IsmsScope { OrganizationId = organizationId };
            db.Scopes.Add(scope);
        }
        else
        {
            db.Entry(scope).Property(s => s.Version).OriginalValue = input.Version;
        }

        scope.Statement = input.Statement.Trim();
        scope.OrganizationalScope = input.OrganizationalScope.Trim();
        scope.GeographicalScope = input.GeographicalScope.Trim();
        scope.BusinessProcesses = input.BusinessProcesses.Trim();
        scope.TechnologyScope = input.TechnologyScope.Trim();
        scope.DataScope = input.DataScope.Trim();
        scope.InterfacesAndDependencies = input.InterfacesAndDependencies.Trim();

        // Reuse rows position by position so the history shows what changed, not a delete-and-recreate.
        var existing = scope.Exclusions.OrderBy(e => e.SortOrder).ToList();
        for (var i = 0; i < input.Exclusions.Count; i++)
        {
            var wanted = input.Exclusions[i];
            if (i < existing.Count)
            {
                existing[i].Item = wanted.Item.Trim();
                existing[i].Justification = wanted.Justification.Trim();
                existing[i].SortOrder = i;
            }
            else
            {
                scope.Exclusions.Add(new ScopeExclusion
                {
                    OrganizationId = organizationId, ScopeId = scope.Id,
                    Item = wanted.Item.Trim(), Justification = wanted.Justification.Trim(), SortOrder = i,
                });
            }
        }
        foreach (var removed in existing.Skip(input.Exclusions.Count))
        {
            scope.Exclusions.Remove(removed);
            db.ScopeExclusions.Remove(removed);
        }

        scope.Revision++;
        db.ScopeRevisions.Add(new ScopeRevision
        {
            OrganizationId = organizationId,
            ScopeId = scope.Id,
            Revision = scope.Revision,
            RecordedAt = Instant.Now(db.Clock),
            RecordedBy = db.Acting.Actor,
            ChangeNote = input.ChangeNote?.Trim() ?? "",
            Snapshot = JsonSerializer.Serialize(ScopeSnapshot.Of(scope)),
        });
        await db.SaveAsync("scope", cancellationToken);
        return scope.Revision;
    }

    private static void Validate(ScopeInput input)
    {
        var validation = new Validation()
            .Required(nameof(input.Statement), input.Statement, 2000)
            .MaxLength(nameof(input.OrganizationalScope), input.OrganizationalScope, TextLimit)
            .MaxLength(nameof(input.GeographicalScope), input.GeographicalScope, TextLimit)
            .MaxLength(nameof(input.BusinessProcesses), input.BusinessProcesses, TextLimit)
            .MaxLength(nameof(input.TechnologyScope), input.TechnologyScope, TextLimit)
            .MaxLength(nameof(input.DataScope), input.DataScope, TextLimit)
            .MaxLength(nameof(input.InterfacesAndDependencies), input.InterfacesAndDependencies, TextLimit)
            .MaxLength(nameof(input.ChangeNote), input.ChangeNote, 500);
        if (input.Exclusions.Count > 200) validation.Add(nameof(input.Exclusions), "may hold at most 200 exclusions.");
        for (var i = 0; i < input.Exclusions.Count; i++)
        {
            var exclusion = input.Exclusions[i];
            var field = $"{nameof(input.Exclusions)}[{i}]";
            validation.Required($"{field}.{nameof(exclusion.Item)}", exclusion.Item, 300);
            if (string.IsNullOrWhiteSpace(exclusion.Justification))
            {
                validation.Add($"{field}.{nameof(exclusion.Justification)}", "is required: every exclusion must say why it is excluded.");
            }
            validation.MaxLength($"{field}.{nameof(exclusion.Justification)}", exclusion.Justification, 2000);
        }
        validation.ThrowIfInvalid();
    }
}
