using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Policies;

/// <summary>
/// The requirements of the organization's frameworks as the ISO notation needs them: codes to look up,
/// siblings in document order to expand and re-form ranges. Loaded once per request that parses or shows notation.
/// </summary>
public sealed class RequirementIndex
{
    public sealed record Entry(Guid Id, string FrameworkKey, string Code, Guid? ParentId, int SortOrder, bool Assessable);

    private readonly Dictionary<(string Framework, string Code), Entry> _byCode;
    private readonly Dictionary<Guid, Entry> _byId;
    private readonly Dictionary<(string Framework, Guid? Parent), List<Entry>> _siblings;

    public RequirementIndex(IEnumerable<Entry> entries, IReadOnlyDictionary<string, string> frameworkNames)
    {
        var all = entries.OrderBy(e => e.FrameworkKey, StringComparer.Ordinal).ThenBy(e => e.SortOrder).ToList();
        _byCode = new Dictionary<(string, string), Entry>();
        foreach (var entry in all) _byCode.TryAdd((entry.FrameworkKey, entry.Code.ToUpperInvariant()), entry);
        _byId = all.ToDictionary(e => e.Id);
        _siblings = all.GroupBy(e => (e.FrameworkKey, e.ParentId)).ToDictionary(g => g.Key, g => g.ToList());
        FrameworkNames = frameworkNames;
    }

    public IReadOnlyDictionary<string, string> FrameworkNames { get; }

    public bool HasFramework(string key) => FrameworkNames.ContainsKey(key);

    public Entry? Find(string framework, string code) => _byCode.GetValueOrDefault((framework, code.Trim().ToUpperInvariant()));

    public Entry? Find(Guid id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<Entry> SiblingsOf(Entry entry) => _siblings[(entry.FrameworkKey, entry.ParentId)];

    /// <summary>Every requirement of the built-in frameworks and of the frameworks <paramref name="alsoFrameworkIds"/> name.</summary>
    public static async Task<RequirementIndex> LoadAsync(AttestDbContext db, IEnumerable<Guid>? linkedRequirementIds = null, CancellationToken cancellationToken = default)
    {
        var frameworks = await db.Frameworks.AsNoTracking().Select(f => new { f.Id, f.Key, f.Name, f.Source }).ToListAsync(cancellationToken);
        var wanted = frameworks.Where(f => f.Source == Frameworks.FrameworkSource.BuiltIn).Select(f => f.Id).ToList();
        var linked = linkedRequirementIds?.Distinct().ToList() ?? [];
        if (linked.Count > 0)
        {
            wanted.AddRange(await db.Requirements.AsNoTracking().Where(r => linked.Contains(r.Id)).Select(r => r.FrameworkId).Distinct().ToListAsync(cancellationToken));
        }
        wanted = wanted.Distinct().ToList();
        var keys = frameworks.ToDictionary(f => f.Id, f => f.Key);
        var rows = await db.Requirements.AsNoTracking().Where(r => wanted.Contains(r.FrameworkId) && !r.Withdrawn)
            .Select(r => new { r.Id, r.FrameworkId, r.Code, r.ParentId, r.SortOrder, r.Assessable })
            .ToListAsync(cancellationToken);
        return new RequirementIndex(rows.Select(r => new Entry(r.Id, keys[r.FrameworkId], r.Code, r.ParentId, r.SortOrder, r.Assessable)),
            frameworks.ToDictionary(f => f.Key, f => f.Name));
    }
}

/// <summary>
/// The way the ISO world writes what a document serves: <c>Clauses 4.3, 6.2; Annex A 5.9-5.11; GDPR Art. 32</c>.
/// Segments are separated by semicolons (or new lines); a segment may name its framework (ISO 27001 when it does not),
/// and a designator (Clause, Annex A, Art.) that applies to the ids after it. Ranges run within one theme.
/// </summary>
public static class IsoNotation
{
    public const string DefaultFramework = "iso27001-2022";

    private sealed record FrameworkAlias(string Key, string Display, string[] Names, string? DefaultDesignator);

    private static readonly FrameworkAlias[] Aliases =
    [
        new(DefaultFramework, "", ["ISO/IEC 27001:2022", "ISO/IEC 27001", "ISO 27001:2022", "ISO 27001", "ISO27001", "27001"], null),
        new("iso42001-2023", "ISO 42001", ["ISO/IEC 42001:2023", "ISO/IEC 42001", "ISO 42001:2023", "ISO 42001", "ISO42001", "42001"], null),
        new("gdpr", "GDPR", ["GDPR", "EU GDPR"], "Art."),
        new("nist-csf-2.0", "NIST CSF", ["NIST CSF 2.0", "NIST CSF", "CSF 2.0", "CSF"], null),
    ];

    private enum Designator { None, Clause, AnnexA, Article }

    /// <summary>The requirement ids the text names, in the order written; throws naming every part that is not a requirement.</summary>
    public static IReadOnlyList<Guid> Parse(string? text, RequirementIndex index, string field = "Relevance")
    {
        var result = new List<Guid>();
        var errors = new List<string>();
        foreach (var segment in (text ?? "").Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var framework = DefaultFramework;
            var frameworkLabel = "";
            var designator = Designator.None;
            foreach (var rawItem in segment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var item = rawItem;
                if (MatchFramework(item, index) is { } named)
                {
                    framework = named.Key;
                    frameworkLabel = named.Label;
                    designator = Aliases.FirstOrDefault(a => a.Key == named.Key)?.DefaultDesignator == "Art." ? Designator.Article : Designator.None;
                    item = item[named.Length..].TrimStart();
                }
                if (MatchDesignator(item) is { } found)
                {
                    designator = found.Designator;
                    item = item[found.Length..].TrimStart();
                }
                if (item.Length == 0)
                {
                    errors.Add($"'{rawItem}' names no requirement id.");
                    continue;
                }
                var written = (frameworkLabel.Length > 0 ? frameworkLabel + " " : "") + Describe(designator) + item;
                if (!index.HasFramework(framework))
                {
                    errors.Add($"{written}: this organization has no framework {frameworkLabel}.");
                    continue;
                }
                var single = index.Find(framework, Code(designator, item));
                if (single is not null)
                {
                    result.Add(single.Id);
                    continue;
                }
                var range = SplitRange(item, framework, designator, index);
                if (range is null)
                {
                    errors.Add($"{written}: no such requirement in {index.FrameworkNames[framework]}.");
                    continue;
                }
                var (first, last) = range.Value;
                if (first.ParentId != last.ParentId)
                {
                    errors.Add($"{written} spans more than one theme ({ParentCode(first, index)} and {ParentCode(last, index)}); write one range per theme.");
                    continue;
                }
                if (first.SortOrder > last.SortOrder)
                {
                    errors.Add($"{written} runs backwards; write the lower id first.");
                    continue;
                }
                result.AddRange(index.SiblingsOf(first).Where(s => s.SortOrder >= first.SortOrder && s.SortOrder <= last.SortOrder).Select(s => s.Id));
            }
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = errors.ToArray() });
        return result.Distinct().ToList();
    }

    /// <summary>The requirements in the compact notation: frameworks in a fixed order, clauses before Annex A, runs of three or more siblings as ranges.</summary>
    public static string Format(IEnumerable<Guid> requirementIds, RequirementIndex index)
    {
        var entries = requirementIds.Distinct().Select(index.Find).OfType<RequirementIndex.Entry>().ToList();
        var segments = new List<string>();
        foreach (var framework in entries.GroupBy(e => e.FrameworkKey).OrderBy(g => FrameworkRank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var alias = Aliases.FirstOrDefault(a => a.Key == framework.Key);
            var prefix = alias is null ? framework.Key + " " : alias.Display.Length > 0 ? alias.Display + " " : "";
            var groups = framework.GroupBy(e => DesignatorOf(framework.Key, e.Code)).OrderBy(g => g.Key);
            foreach (var group in groups)
            {
                var items = Runs(group.OrderBy(e => e.SortOrder).ToList(), index)
                    .Select(run => run.Count >= 3 ? $"{Shown(group.Key, run[0].Code)}-{Shown(group.Key, run[^1].Code)}" : string.Join(", ", run.Select(r => Shown(group.Key, r.Code))))
                    .ToList();
                var many = group.Count() > 1;
                var label = group.Key switch
                {
                    Designator.Clause => many ? "Clauses " : "Clause ",
                    Designator.AnnexA => "Annex A ",
                    Designator.Article => "Art. ",
                    _ => "",
                };
                segments.Add(prefix + label + string.Join(", ", items));
            }
        }
        return string.Join("; ", segments);
    }

    private static int FrameworkRank(string key) => Array.FindIndex(Aliases, a => a.Key == key) is var i and >= 0 ? i : Aliases.Length;

    private static Designator DesignatorOf(string framework, string code)
    {
        if (framework == "gdpr" && code.StartsWith("Art. ", StringComparison.Ordinal)) return Designator.Article;
        if (framework is DefaultFramework or "iso42001-2023")
        {
            if (code.StartsWith("A.", StringComparison.Ordinal)) return Designator.AnnexA;
            if (code.Length > 0 && char.IsDigit(code[0])) return Designator.Clause;
        }
        return Designator.None;
    }

    private static string Shown(Designator designator, string code) => designator switch
    {
        Designator.AnnexA => code[2..],
        Designator.Article => code[5..],
        _ => code,
    };

    /// <summary>Splits entries (in document order) into runs of adjacent siblings.</summary>
    private static List<List<RequirementIndex.Entry>> Runs(List<RequirementIndex.Entry> ordered, RequirementIndex index)
    {
        var runs = new List<List<RequirementIndex.Entry>>();
        foreach (var entry in ordered)
        {
            if (runs.Count > 0 && runs[^1][^1] is var previous && previous.ParentId == entry.ParentId)
            {
                var siblings = index.SiblingsOf(entry);
                var at = IndexOf(siblings, previous);
                if (at >= 0 && at + 1 < siblings.Count && siblings[at + 1].Id == entry.Id && Consecutive(previous.Code, entry.Code))
                {
                    runs[^1].Add(entry);
                    continue;
                }
            }
            runs.Add([entry]);
        }
        // A run of two reads better as "5.35, 5.36": break short runs back into singles.
        return runs.SelectMany(r => r.Count >= 3 ? [r] : r.Select(e => new List<RequirementIndex.Entry> { e })).ToList();
    }

    /// <summary>
    /// A catalog may hold only some members of a series (Attest's GDPR catalog lists selected articles): adjacent
    /// siblings form a range only when their numbers follow on, so "Art. 5-32" never claims articles the catalog skips.
    /// </summary>
    private static bool Consecutive(string previous, string next)
    {
        var a = TrailingNumber(previous);
        var b = TrailingNumber(next);
        return a is null || b is null || b == a + 1;
    }

    private static int? TrailingNumber(string code)
    {
        var end = code.Length;
        var start = end;
        while (start > 0 && char.IsDigit(code[start - 1])) start--;
        return start < end && int.TryParse(code.AsSpan(start, Math.Min(end - start, 9)), out var n) ? n : null;
    }

    private static int IndexOf(IReadOnlyList<RequirementIndex.Entry> list, RequirementIndex.Entry entry)
    {
        for (var i = 0; i < list.Count; i++) if (list[i].Id == entry.Id) return i;
        return -1;
    }

    private static (string Key, string Label, int Length)? MatchFramework(string item, RequirementIndex index)
    {
        foreach (var alias in Aliases)
        {
            foreach (var name in alias.Names.OrderByDescending(n => n.Length))
            {
                if (StartsWithWord(item, name)) return (alias.Key, alias.Display.Length > 0 ? alias.Display : "ISO 27001", name.Length);
            }
        }
        // An imported framework may be named by its key, e.g. "nist-sp800-53-low ac-2".
        foreach (var key in index.FrameworkNames.Keys.OrderByDescending(k => k.Length))
        {
            if (StartsWithWord(item, key) && item.Length > key.Length) return (key, key, key.Length);
        }
        return null;
    }

    private static (Designator Designator, int Length)? MatchDesignator(string item)
    {
        (string Word, Designator Designator)[] words =
        [
            ("Annex A", Designator.AnnexA), ("Clauses", Designator.Clause), ("Clause", Designator.Clause), ("Cl.", Designator.Clause),
            ("Articles", Designator.Article), ("Article", Designator.Article), ("Arts.", Designator.Article), ("Art.", Designator.Article), ("Art", Designator.Article),
        ];
        foreach (var (word, designator) in words)
        {
            if (StartsWithWord(item, word)) return (designator, word.Length);
        }
        return null;
    }

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetterOrDigit(text[word.Length]) || word.EndsWith('.'));

    private static string Describe(Designator designator) => designator switch
    {
        Designator.Clause => "Clause ",
        Designator.AnnexA => "Annex A ",
        Designator.Article => "Art. ",
        _ => "",
    };

    private static string Code(Designator designator, string id)
    {
        id = id.Trim();
        return designator switch
        {
            Designator.AnnexA when !id.StartsWith("A.", StringComparison.OrdinalIgnoreCase) => "A." + id,
            Designator.Article when !id.StartsWith("Art", StringComparison.OrdinalIgnoreCase) => "Art. " + id,
            _ => id,
        };
    }

    /// <summary>"5.9-5.11" → its two ends, trying each dash so that ids which contain dashes (GV.OC-01) still split correctly.</summary>
    private static (RequirementIndex.Entry First, RequirementIndex.Entry Last)? SplitRange(string item, string framework, Designator designator, RequirementIndex index)
    {
        for (var i = 1; i < item.Length - 1; i++)
        {
            if (item[i] is not ('-' or '–' or '—')) continue;
            var first = index.Find(framework, Code(designator, item[..i]));
            var last = index.Find(framework, Code(designator, item[(i + 1)..]));
            if (first is not null && last is not null) return (first, last);
        }
        return null;
    }

    private static string ParentCode(RequirementIndex.Entry entry, RequirementIndex index) =>
        entry.ParentId is { } parent && index.Find(parent) is { } found ? found.Code : "top level";
}
