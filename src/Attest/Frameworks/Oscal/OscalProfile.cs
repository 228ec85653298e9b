using System.Text.RegularExpressions;

namespace Attest.Frameworks.Oscal;

/// <summary>An OSCAL profile as far as Attest resolves it: which controls to take from which catalogs, and which parameters to set.</summary>
/// <param name="FileName">Where the profile came from; errors found while resolving name it.</param>
/// <param name="Title">Becomes the resolved catalog's name.</param>
/// <param name="Version">Becomes the resolved catalog's version.</param>
/// <param name="Publisher">The party in the profile's "publisher" (else "creator") role.</param>
/// <param name="Description">The profile's metadata remarks.</param>
/// <param name="Imports">In document order; index i is $.profile.imports[i].</param>
/// <param name="SetParameters">The profile's modify.set-parameters.</param>
public sealed record ProfileDocument(
    string FileName,
    string Title,
    string Version,
    string? Publisher,
    string? Description,
    IReadOnlyList<ProfileImport> Imports,
    IReadOnlyList<ParameterSetting> SetParameters);

/// <summary>One import: a catalog and the controls selected from it.</summary>
/// <param name="Href">As written: a URL, a relative path, or "#uuid" of a back-matter resource.</param>
/// <param name="ResourceHrefs">For "#uuid", the hrefs of that back-matter resource's rlinks, tried in order when <paramref name="Href"/> itself is not available.</param>
/// <param name="IncludeAll">include-all, or no include-controls at all (the profile-resolution specification assumes "all" when only exclusions are given).</param>
/// <param name="IncludeControls">Index j is include-controls[j].</param>
/// <param name="ExcludeControls">Index j is exclude-controls[j].</param>
public sealed record ProfileImport(
    string Href,
    IReadOnlyList<string> ResourceHrefs,
    bool IncludeAll,
    IReadOnlyList<ControlSelection> IncludeControls,
    IReadOnlyList<ControlSelection> ExcludeControls);

/// <summary>A select-control-by-id: literal ids, glob patterns ("ac-*", "ac-?"), and whether direct child controls come along.</summary>
public sealed record ControlSelection(IReadOnlyList<string> WithIds, IReadOnlyList<string> Matching, bool WithChildControls);

/// <summary>A set-parameter: new values, label or choices for a parameter of an included control.</summary>
public sealed record ParameterSetting(string ParamId, string? Label, IReadOnlyList<string> Values, IReadOnlyList<string> Choices);

/// <summary>
/// Reads OSCAL profiles (JSON, 1.0.x–1.1.x) and resolves them into a baseline <see cref="CatalogDocument"/>.
/// </summary>
/// <remarks>
/// Resolution follows the OSCAL profile-resolution specification with these Attest choices:
/// <list type="bullet">
/// <item>Structure is always kept ("as-is"): included controls stay in their catalog groups, groups left without
/// included controls are dropped. merge.flat and merge.custom are not honoured, because Attest shows every
/// framework as its tree.</item>
/// <item>A control selected without its parent control keeps the parent, with its title only (no text, no
/// parameters), as the specification's implicit inclusion requires; Attest still lists that parent as a requirement.</item>
/// <item>with-child-controls "yes" brings the direct child controls (the specification's reading); exclusion wins over inclusion.</item>
/// <item>When several imports supply the same control, the first wins (merge.combine is otherwise ignored).</item>
/// <item>set-parameters replace a parameter's values, label and choices where given; settings for parameters of
/// controls that were not included are ignored. Descriptions were rendered when the catalog was read, so they
/// keep showing "[Assignment: …]" for parameters a profile sets: the new values are in <see cref="CatalogItem.Parameters"/>.</item>
/// <item>alters (adding or removing parts) is not applied.</item>
/// </list>
/// </remarks>
public static class OscalProfile
{
    /// <summary>Which OSCAL model a JSON document holds: "catalog", "profile", "system-security-plan", …; null when it is JSON but not OSCAL.</summary>
    /// <remarks>Lets <c>attest frameworks import FILE</c> choose between reading a catalog and resolving a profile. Reads the whole stream.</remarks>
    /// <exception cref="CatalogFormatException">Not JSON, or larger than <see cref="OscalCatalogReader.MaxBytes"/>.</exception>
    public static string? ModelOf(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = OscalJson.Load(json, fileName);
        return OscalJson.ModelOf(document);
    }

    /// <summary>Reads an OSCAL profile without resolving it.</summary>
    /// <exception cref="CatalogFormatException">The file is not JSON, not a profile, too large, or misses required fields.</exception>
    public static ProfileDocument ReadProfile(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = OscalJson.Load(json, fileName);
        var profile = OscalJson.ModelRoot(document, fileName, OscalJson.Profile);
        var metadata = profile.Required("metadata");
        var title = OscalJson.NonEmpty(metadata.Required("title"));
        var version = OscalJson.NonEmpty(metadata.Required("version"));

        var resources = profile.Optional("back-matter") is { } backMatter
            ? backMatter.Items("resources")
                .Where(r => r.OptionalString("uuid") is not null)
                .GroupBy(r => r.OptionalString("uuid")!.ToLowerInvariant())
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<string>)g.First().Items("rlinks").Select(l => l.Required("href").String()).ToList())
            : [];

        var imports = profile.Items("imports").Select(import =>
        {
            var href = OscalJson.NonEmpty(import.Required("href"));
            var resourceHrefs = href.StartsWith('#') && resources.TryGetValue(href[1..].ToLowerInvariant(), out var links) ? links : [];
            var include = import.Items("include-controls").Select(ReadSelection).ToList();
            var exclude = import.Items("exclude-controls").Select(ReadSelection).ToList();
            var includeAll = import.Optional("include-all") is not null || include.Count == 0;
            return new ProfileImport(href, resourceHrefs, includeAll, include, exclude);
        }).ToList();
        if (imports.Count == 0)
            throw new CatalogFormatException($"{fileName} $.profile.imports", "is missing: a profile must import at least one catalog");

        var settings = profile.Optional("modify") is { } modify
            ? modify.Items("set-parameters").Select(s => new ParameterSetting(
                OscalJson.NonEmpty(s.Required("param-id")),
                s.OptionalString("label"),
                s.Items("values").Select(v => v.String()).ToList(),
                s.Optional("select") is { } select ? select.Items("choice").Select(c => c.String()).ToList() : [])).ToList()
            : [];

        return new ProfileDocument(
            fileName,
            title,
            version,
            OscalJson.Publisher(metadata),
            string.IsNullOrWhiteSpace(metadata.OptionalString("remarks")) ? null : metadata.OptionalString("remarks")!.Trim(),
            imports,
            settings);
    }

    /// <summary>Resolves a profile into the baseline catalog it defines.</summary>
    /// <param name="profile">From <see cref="ReadProfile"/>.</param>
    /// <param name="catalogForHref">Supplies an imported catalog by href (a resolved profile is a catalog too), or null when it has none.</param>
    /// <param name="key">The framework key; when absent, <see cref="OscalCatalogReader.KeyFromTitle"/> of the profile's title.</param>
    /// <exception cref="CatalogFormatException">An import cannot be supplied, or a with-id names a control the catalog lacks.</exception>
    public static CatalogDocument Resolve(ProfileDocument profile, Func<string, CatalogDocument?> catalogForHref, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalogForHref);

        var resolved = new List<CatalogItem>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Imports.Count; i++)
        {
            var catalog = Supply(profile, i, catalogForHref);
            var selected = Select(profile, i, catalog);
            resolved = MergeInto(resolved, Keep(catalog.Items, selected, parentIsGroup: true), taken);
        }

        return new CatalogDocument(
            key ?? OscalCatalogReader.KeyFromTitle(profile.Title),
            profile.Title,
            profile.Version,
            profile.Publisher,
            profile.Description,
            SetParameters(resolved, profile.SetParameters));
    }

    private static CatalogDocument Supply(ProfileDocument profile, int index, Func<string, CatalogDocument?> catalogForHref)
    {
        var import = profile.Imports[index];
        var catalog = catalogForHref(import.Href);
        foreach (var alternative in import.ResourceHrefs)
            catalog ??= catalogForHref(alternative);
        if (catalog is not null)
            return catalog;

        var links = import.ResourceHrefs.Count > 0 ? $" (its back-matter resource links to {string.Join(", ", import.ResourceHrefs)})" : "";
        throw new CatalogFormatException(
            $"{profile.FileName} $.profile.imports[{index}].href",
            $"imports a catalog that is not available: {import.Href}{links}; import that catalog first");
    }

    /// <summary>The ids the import selects: inclusions minus exclusions. Every with-id must exist in the catalog.</summary>
    private static HashSet<string> Select(ProfileDocument profile, int index, CatalogDocument catalog)
    {
        var import = profile.Imports[index];
        var controls = new Dictionary<string, CatalogItem>(StringComparer.Ordinal);
        CollectControls(catalog.Items, parentIsGroup: true, controls);

        var selected = new HashSet<string>(StringComparer.Ordinal);
        if (import.IncludeAll)
            selected.UnionWith(controls.Keys);
        for (var j = 0; j < import.IncludeControls.Count; j++)
            selected.UnionWith(Matches(profile, $"$.profile.imports[{index}].include-controls[{j}]", import.IncludeControls[j], controls, import.Href));
        for (var j = 0; j < import.ExcludeControls.Count; j++)
            selected.ExceptWith(Matches(profile, $"$.profile.imports[{index}].exclude-controls[{j}]", import.ExcludeControls[j], controls, import.Href));
        return selected;
    }

    private static IEnumerable<string> Matches(ProfileDocument profile, string path, ControlSelection selection, Dictionary<string, CatalogItem> controls, string href)
    {
        var matched = new List<CatalogItem>();
        for (var k = 0; k < selection.WithIds.Count; k++)
        {
            var id = selection.WithIds[k];
            if (!controls.TryGetValue(id, out var control))
                throw new CatalogFormatException($"{profile.FileName} {path}.with-ids[{k}]", $"selects control \"{id}\", which the imported catalog {href} does not contain");
            matched.Add(control);
        }

        foreach (var pattern in selection.Matching)
        {
            var glob = Glob(pattern);
            matched.AddRange(controls.Values.Where(c => glob.IsMatch(c.Id)));
        }

        return selection.WithChildControls
            ? matched.SelectMany(c => c.Children.Where(child => controls.ContainsKey(child.Id)).Prepend(c)).Select(c => c.Id)
            : matched.Select(c => c.Id);
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Selectable items are those OSCAL would hold as controls (see <see cref="OscalCatalogWriter"/> for the rule).</summary>
    private static void CollectControls(IReadOnlyList<CatalogItem> items, bool parentIsGroup, Dictionary<string, CatalogItem> controls)
    {
        foreach (var item in items)
        {
            var isGroup = parentIsGroup && OscalCatalogWriter.IsGroupLike(item.Kind);
            if (!isGroup)
                controls.TryAdd(item.Id, item);
            CollectControls(item.Children, isGroup, controls);
        }
    }

    /// <summary>The catalog tree cut down to the selection, keeping the groups and parent controls the selection sits in.</summary>
    private static List<CatalogItem> Keep(IReadOnlyList<CatalogItem> items, HashSet<string> selected, bool parentIsGroup)
    {
        var kept = new List<CatalogItem>();
        foreach (var item in items)
        {
            var isGroup = parentIsGroup && OscalCatalogWriter.IsGroupLike(item.Kind);
            var children = Keep(item.Children, selected, isGroup);
            if (!isGroup && selected.Contains(item.Id))
                kept.Add(item with { Children = children });
            else if (children.Count == 0)
                continue;
            else if (isGroup)
                kept.Add(item with { Children = children });
            else
                kept.Add(new CatalogItem(item.Id, item.Title, item.Kind, null, children) { Withdrawn = item.Withdrawn });
        }

        return kept;
    }

    /// <summary>Adds one import's tree: groups with the same id merge, a control already present elsewhere is skipped.</summary>
    private static List<CatalogItem> MergeInto(List<CatalogItem> existing, List<CatalogItem> incoming, HashSet<string> taken)
    {
        var merged = new List<CatalogItem>(existing);
        foreach (var item in incoming)
        {
            var same = merged.FindIndex(e => e.Id == item.Id);
            if (same >= 0)
            {
                // The same group from a second import: its new children join the ones already there.
                merged[same] = merged[same] with { Children = MergeInto([.. merged[same].Children], [.. item.Children], taken) };
                continue;
            }

            var fresh = WithoutTaken(item, taken);
            if (fresh is null)
                continue;
            foreach (var added in fresh.SelfAndDescendants())
                taken.Add(added.Id);
            merged.Add(fresh);
        }

        return merged;
    }

    private static CatalogItem? WithoutTaken(CatalogItem item, HashSet<string> taken) =>
        taken.Contains(item.Id)
            ? null
            : item with { Children = item.Children.Select(c => WithoutTaken(c, taken)).OfType<CatalogItem>().ToList() };

    private static List<CatalogItem> SetParameters(List<CatalogItem> items, IReadOnlyList<ParameterSetting> settings)
    {
        if (settings.Count == 0)
            return items;

        var byId = settings.GroupBy(s => s.ParamId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return items.Select(Apply).ToList();

        CatalogItem Apply(CatalogItem item) => item with
        {
            Parameters = item.Parameters.Select(p => byId.TryGetValue(p.Id, out var s)
                ? p with
                {
                    Label = s.Label ?? p.Label,
                    Values = s.Values.Count > 0 ? s.Values : p.Values,
                    Choices = s.Choices.Count > 0 ? s.Choices : p.Choices,
                }
                : p).ToList(),
            Children = item.Children.Select(Apply).ToList(),
        };
    }

    private static ControlSelection ReadSelection(OscalNode selection) => new(
        selection.Items("with-ids").Select(OscalJson.NonEmpty).ToList(),
        selection.Items("matching").Select(m => OscalJson.NonEmpty(m.Required("pattern"))).ToList(),
        selection.OptionalString("with-child-controls") == "yes");
}
