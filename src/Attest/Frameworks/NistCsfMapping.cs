using System.Text.RegularExpressions;

namespace Attest.Frameworks;

/// <summary>A link from a requirement of one framework to a requirement of another.</summary>
/// <param name="FromFramework">The key of the framework the link starts from, e.g. "nist-csf-2.0".</param>
/// <param name="FromId">The requirement id in that framework, e.g. "GV.OC-01".</param>
/// <param name="ToFramework">The key of the framework the link points to, e.g. "iso27001-2022".</param>
/// <param name="ToId">The requirement id in that framework, e.g. "A.5.1".</param>
/// <param name="Relationship">How the two requirements relate, as far as the source says.</param>
public sealed record RequirementMapping(string FromFramework, string FromId, string ToFramework, string ToId, MappingRelationship Relationship);

/// <summary>The links a mapping file yields, and every row that could not be used, with why.</summary>
/// <param name="Mappings">One link per usable row, in file order.</param>
/// <param name="Rejected">One "file line N: problem" per unusable row, in file order.</param>
public sealed record MappingSet(IReadOnlyList<RequirementMapping> Mappings, IReadOnlyList<string> Rejected);

/// <summary>
/// Reads NIST's informative references from CSF 2.0 to ISO/IEC 27001:2022 (the tab-separated
/// export of the CSF 2.0 Reference Tool: csf_element, iso_part, iso_id).
/// </summary>
public static partial class NistCsfMapping
{
    private const string Header = "csf_element\tiso_part\tiso_id";
    private const string ClausePart = "Mandatory Clause";
    private const string AnnexAPart = "Annex A Controls";

    /// <summary>
    /// Turns each row into a <see cref="RequirementMapping"/> from the CSF element to the ISO clause
    /// ("Mandatory Clause" 6.1 → "6.1") or Annex A control ("Annex A Controls" 5.1 → "A.5.1").
    /// A row is used only if both ends exist in the catalogs given; any other row (a clause the
    /// standard does not have, "All applicable controls", a wrong number of columns) goes to
    /// <see cref="MappingSet.Rejected"/> unchanged in meaning: a link that is guessed is worse than
    /// one that is missing, because an auditor would take it as NIST's.
    /// </summary>
    /// <remarks>
    /// NIST's informative references say that two texts are related, not how (equal, subset,
    /// superset), and a CSF outcome is usually met by parts of several ISO requirements and vice
    /// versa. <see cref="MappingRelationship.Intersect"/> is the only relationship that claims no
    /// more than that, so every link gets it.
    /// </remarks>
    /// <param name="reader">The file's text.</param>
    /// <param name="fileName">The name used in rejections, e.g. "csf2-to-iso27001-2022.tsv".</param>
    /// <param name="csf">The NIST CSF 2.0 catalog (key "nist-csf-2.0") the rows start from.</param>
    /// <param name="iso27001">The ISO/IEC 27001:2022 catalog (key "iso27001-2022") the rows point to.</param>
    /// <exception cref="CatalogFormatException">The file is empty or its header is not NIST's.</exception>
    public static MappingSet Read(TextReader reader, string fileName, CatalogDocument csf, CatalogDocument iso27001)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(csf);
        ArgumentNullException.ThrowIfNull(iso27001);
        if (csf.Key != "nist-csf-2.0")
            throw new ArgumentException($"Expected the NIST CSF 2.0 catalog (nist-csf-2.0), got {csf.Key}.", nameof(csf));
        // "Mandatory Clause" and "Annex A Controls" are ISO/IEC 27001:2022's own structure; read
        // against another catalog the ids would silently point at unrelated requirements.
        if (iso27001.Key != "iso27001-2022")
            throw new ArgumentException($"Expected the ISO/IEC 27001:2022 catalog (iso27001-2022), got {iso27001.Key}.", nameof(iso27001));

        var csfKinds = csf.AllItems()
            .Where(i => i.Kind is RequirementKind.Function or RequirementKind.Category or RequirementKind.Subcategory)
            .ToDictionary(i => i.Id, StringComparer.Ordinal);
        var isoItems = iso27001.AllItems().ToDictionary(i => i.Id, StringComparer.Ordinal);

        var header = reader.ReadLine();
        if (header is null)
            throw new CatalogFormatException($"{fileName} line 1", "the file is empty; expected NIST's header " + Visible(Header));
        if (header.TrimStart('\uFEFF').TrimEnd() != Header)
            throw new CatalogFormatException($"{fileName} line 1", $"expected NIST's header {Visible(Header)}, found {Visible(header)}");

        var mappings = new List<RequirementMapping>();
        var rejected = new List<string>();
        var firstLineOfPair = new Dictionary<(string, string), int>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var problem = Check(line, out var mapping);
            if (problem is null && firstLineOfPair.TryGetValue((mapping!.FromId, mapping.ToId), out var first))
                problem = $"repeats line {first} ({mapping.FromId} → {mapping.ToId})";
            if (problem is not null)
            {
                rejected.Add($"{fileName} line {lineNumber}: {problem}");
                continue;
            }

            firstLineOfPair.Add((mapping!.FromId, mapping.ToId), lineNumber);
            mappings.Add(mapping);
        }

        return new MappingSet(mappings, rejected);

        string? Check(string line, out RequirementMapping? mapping)
        {
            mapping = null;
            var cells = line.Split('\t').Select(c => c.Trim()).ToArray();
            if (cells.Length != 3)
                return $"expected 3 tab-separated columns (csf_element, iso_part, iso_id), found {cells.Length}";
            var (element, part, isoId) = (cells[0], cells[1], cells[2]);

            if (!csfKinds.TryGetValue(element, out var from))
                return $"\"{element}\" is not a function, category or subcategory of {csf.Name}";
            if (from.Withdrawn)
                return $"\"{element}\" is withdrawn in {csf.Name}";

            string toId;
            switch (part)
            {
                case ClausePart:
                    if (ListItem().Match(isoId) is { Success: true } item)
                        return $"\"{isoId}\" names list item ({item.Groups[2].Value}) of clause {item.Groups[1].Value}, which is not a requirement of its own in {iso27001.Name}";
                    if (!isoItems.TryGetValue(isoId, out var clause) || clause.Kind != RequirementKind.Clause)
                        return $"\"{isoId}\" is not a clause of {iso27001.Name}";
                    toId = clause.Id;
                    break;
                case AnnexAPart:
                    if (!isoItems.TryGetValue("A." + isoId, out var control) || control.Kind != RequirementKind.Control)
                        return $"\"{isoId}\" is not an Annex A control of {iso27001.Name}";
                    toId = control.Id;
                    break;
                default:
                    return $"unknown iso_part \"{part}\"; expected \"{ClausePart}\" or \"{AnnexAPart}\"";
            }

            mapping = new RequirementMapping(csf.Key, from.Id, iso27001.Key, toId, MappingRelationship.Intersect);
            return null;
        }
    }

    // "4.2(a)", "4.2 (b)": NIST sometimes points into a clause's lettered list. Saying so is more
    // useful to whoever maintains the data than "no such clause"; linking to the whole clause
    // instead would claim more than NIST did.
    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)*)\s*\(([a-z])\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    private static string Visible(string header) => "\"" + header.Replace("\t", "\\t") + "\"";
}
