using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Assets;

/// <summary>
/// Dependencies written the way people read them: <c>uses AST-00002; trained on AST-00007; runs on AST-00005</c>.
/// The same text is used in forms, the inventory export and its import.
/// </summary>
public static class DependencyNotation
{
    private static readonly (string Words, DependencyKind Kind)[] Verbs =
    [
        ("trained or fine-tuned on", DependencyKind.TrainedOn), ("fine-tuned on", DependencyKind.TrainedOn), ("trained on", DependencyKind.TrainedOn),
        ("runs on", DependencyKind.RunsOn), ("hosted on", DependencyKind.RunsOn),
        ("processes", DependencyKind.Processes),
        ("depends on", DependencyKind.DependsOn),
        ("uses", DependencyKind.Uses),
    ];

    public sealed record Written(DependencyKind Kind, string Reference);

    /// <summary>The dependencies a text names, or the reasons it cannot be read (each naming the part).</summary>
    public static (IReadOnlyList<Written> Dependencies, IReadOnlyList<string> Errors) Parse(string? text)
    {
        var dependencies = new List<Written>();
        var errors = new List<string>();
        foreach (var part in (text ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var verb = Verbs.FirstOrDefault(v => part.StartsWith(v.Words + " ", StringComparison.OrdinalIgnoreCase));
            if (verb.Words is null)
            {
                errors.Add($"'{part}' does not start with uses, trained on, runs on, processes or depends on.");
                continue;
            }
            foreach (var reference in part[verb.Words.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                dependencies.Add(new Written(verb.Kind, reference));
            }
        }
        return (dependencies.Distinct().ToList(), errors);
    }

    /// <summary>The dependencies a form's text names, resolved against the organization's assets; every unreadable part or unknown reference is named.</summary>
    public static async Task<IReadOnlyList<DependencyInput>> ResolveAsync(AttestDbContext db, string? text, string field, CancellationToken cancellationToken = default)
    {
        var (written, errors) = Parse(text);
        var references = written.Select(w => w.Reference).Distinct().ToList();
        var found = references.Count == 0 ? [] : await db.Assets.AsNoTracking().Where(a => references.Contains(a.Reference)).ToDictionaryAsync(a => a.Reference, a => a.Id, cancellationToken);
        var missing = references.Where(r => !found.ContainsKey(r)).ToList();
        if (missing.Count > 0) errors = [.. errors, $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not an asset reference here."];
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = errors.ToArray() });
        return written.Select(w => new DependencyInput(found[w.Reference], w.Kind)).ToList();
    }

    /// <summary>"uses AST-00002, AST-00003; runs on AST-00005" in a fixed order.</summary>
    public static string Format(IEnumerable<Written> dependencies) =>
        string.Join("; ", dependencies.GroupBy(d => d.Kind).OrderBy(g => g.Key)
            .Select(g => $"{AssetLabels.Of(g.Key).Forward} {string.Join(", ", g.Select(d => d.Reference).Distinct().Order(StringComparer.Ordinal))}"));
}
