using System.Text;
using System.Text.Json;

namespace Attest.Frameworks.Oscal;

/// <summary>An organization's control as exported to OSCAL, with the framework requirements it implements.</summary>
/// <param name="Id">Attest's id of the control.</param>
/// <param name="Reference">The organization's reference for it, e.g. "CTL-012".</param>
/// <param name="Name">Its short name.</param>
/// <param name="Description">What the control does.</param>
/// <param name="Status">Its implementation status as Attest shows it, e.g. "Implemented".</param>
/// <param name="Satisfies">The requirements it implements.</param>
public sealed record ImplementedControl(Guid Id, string Reference, string Name, string Description, string Status, IReadOnlyList<ImplementedRequirement> Satisfies);

/// <summary>A requirement of a framework, by the framework's key and the requirement's own id.</summary>
public sealed record ImplementedRequirement(string FrameworkKey, string FrameworkName, string RequirementId);

/// <summary>
/// Writes an organization's controls as an OSCAL 1.0.6 component definition: one component (the organization's
/// management system) with one control-implementation per framework, and one implemented-requirement per requirement.
/// </summary>
/// <remarks>
/// <para>A control-implementation's source is <c>urn:attest:framework:KEY</c>; the requirement's control-id is its
/// token form (<see cref="OscalCatalogWriter.TokenOf"/>), so it matches the catalog Attest exports for that framework.</para>
/// <para>OSCAL 1.0.6 component definitions have no implementation-status field, so each implemented-requirement
/// says which controls implement it three ways: a Markdown list in its description for people; for tools, props in
/// Attest's namespace ("implemented-by" = the control's reference, "implementation-status" = its status, the
/// pair tied by the prop group); and a link (rel "implemented-by") to a back-matter resource per control that
/// carries its name, description, status and Attest id.</para>
/// <para>Ordering (frameworks by key, requirements by id with numbers compared as numbers, controls by reference) and
/// name-based UUIDs make the output depend only on the data and the timestamp.</para>
/// </remarks>
public static class OscalComponentWriter
{
    /// <summary>The URN Attest uses as the source of a framework's control-implementation.</summary>
    public static string FrameworkSource(string frameworkKey) => "urn:attest:framework:" + Uri.EscapeDataString(frameworkKey);

    /// <summary>Writes the component definition.</summary>
    /// <param name="organizationName">The component's title.</param>
    /// <param name="controls">All the organization's controls; those that implement nothing still appear in the back matter.</param>
    /// <param name="lastModified">The export time; also used as the document version.</param>
    public static string WriteComponentDefinition(string organizationName, IReadOnlyList<ImplementedControl> controls, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(organizationName);
        ArgumentNullException.ThrowIfNull(controls);

        var ordered = controls.OrderBy(c => c.Reference, NaturalOrder.Instance).ThenBy(c => c.Id).ToList();
        var frameworks = ordered
            .SelectMany(c => c.Satisfies.Select(r => (Control: c, Requirement: r)))
            .GroupBy(x => x.Requirement.FrameworkKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var partyUuid = OscalUuid.For($"component-definition/{organizationName}/party");

        return OscalOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("component-definition");
            json.WriteString("uuid", OscalUuid.For($"component-definition/{organizationName}"));

            json.WriteStartObject("metadata");
            json.WriteString("title", $"{organizationName}: controls and the requirements they implement");
            json.WriteString("last-modified", OscalOutput.Timestamp(lastModified));
            json.WriteString("version", OscalOutput.Timestamp(lastModified));
            json.WriteString("oscal-version", OscalCatalogWriter.OscalVersion);
            json.WriteStartArray("roles");
            json.WriteStartObject();
            json.WriteString("id", "provider");
            json.WriteString("title", "Provider");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("parties");
            json.WriteStartObject();
            json.WriteString("uuid", partyUuid);
            json.WriteString("type", "organization");
            json.WriteString("name", OscalOutput.StringValue(organizationName) ?? "Organization");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartArray("components");
            json.WriteStartObject();
            json.WriteString("uuid", OscalUuid.For($"component/{organizationName}"));
            // "service" is among the types 1.0.6 lists for component definitions; "this-system" belongs to SSPs.
            json.WriteString("type", "service");
            json.WriteString("title", organizationName);
            json.WriteString("description", $"The information security management system of {organizationName}: the controls it operates, as recorded in Attest, and the framework requirements each one implements.");
            json.WriteStartArray("responsible-roles");
            json.WriteStartObject();
            json.WriteString("role-id", "provider");
            json.WriteStartArray("party-uuids");
            json.WriteStringValue(partyUuid);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            if (frameworks.Count > 0)
            {
                json.WriteStartArray("control-implementations");
                foreach (var framework in frameworks)
                    WriteFramework(json, organizationName, framework.Key, framework.ToList());
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();

            if (ordered.Count > 0)
            {
                json.WriteStartObject("back-matter");
                json.WriteStartArray("resources");
                foreach (var control in ordered)
                    WriteControlResource(json, control);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void WriteFramework(Utf8JsonWriter json, string organizationName, string key, List<(ImplementedControl Control, ImplementedRequirement Requirement)> rows)
    {
        var frameworkName = rows[0].Requirement.FrameworkName;
        json.WriteStartObject();
        json.WriteString("uuid", OscalUuid.For($"control-implementation/{organizationName}/{key}"));
        json.WriteString("source", FrameworkSource(key));
        json.WriteString("description", $"How the controls of {organizationName} implement the requirements of {frameworkName}.");
        OscalOutput.WriteProps(json, [new("framework-key", key, OscalCatalogWriter.AttestNamespace), new("framework-name", frameworkName, OscalCatalogWriter.AttestNamespace)]);

        json.WriteStartArray("implemented-requirements");
        var requirements = rows
            .GroupBy(r => r.Requirement.RequirementId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, NaturalOrder.Instance);
        foreach (var requirement in requirements)
        {
            // A control listing the same requirement twice still implements it once.
            var implementing = requirement.Select(r => r.Control).DistinctBy(c => c.Id).ToList();
            json.WriteStartObject();
            json.WriteString("uuid", OscalUuid.For($"implemented-requirement/{organizationName}/{key}/{requirement.Key}"));
            json.WriteString("control-id", OscalCatalogWriter.TokenOf(requirement.Key));

            var description = new StringBuilder(implementing.Count == 1
                ? "Implemented by this control:\n"
                : $"Implemented by these {implementing.Count} controls:\n");
            foreach (var control in implementing)
                description.Append($"\n- {Title(control)} (status: {control.Status})");
            json.WriteString("description", description.ToString());

            OscalOutput.WriteProps(json, implementing.SelectMany(c => new OscalProp[]
            {
                new("implemented-by", c.Reference, OscalCatalogWriter.AttestNamespace, Group(c)),
                new("implementation-status", c.Status, OscalCatalogWriter.AttestNamespace, Group(c)),
            }));

            json.WriteStartArray("links");
            foreach (var control in implementing)
            {
                json.WriteStartObject();
                json.WriteString("href", "#" + ResourceUuid(control));
                json.WriteString("rel", "implemented-by");
                json.WriteString("text", Title(control));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteControlResource(Utf8JsonWriter json, ImplementedControl control)
    {
        json.WriteStartObject();
        json.WriteString("uuid", ResourceUuid(control));
        json.WriteString("title", Title(control));
        if (!string.IsNullOrWhiteSpace(control.Description))
            json.WriteString("description", control.Description);
        OscalOutput.WriteProps(json,
        [
            new("reference", control.Reference, OscalCatalogWriter.AttestNamespace),
            new("implementation-status", control.Status, OscalCatalogWriter.AttestNamespace),
            new("attest-id", control.Id.ToString("D"), OscalCatalogWriter.AttestNamespace),
        ]);
        json.WriteEndObject();
    }

    private static string Title(ImplementedControl control) =>
        string.IsNullOrWhiteSpace(control.Reference) ? control.Name : $"{control.Reference} {control.Name}";

    // Attest's own ids may be version 7 GUIDs, which OSCAL 1.0.6 does not accept, so the resource gets a v5 UUID derived from it.
    private static string ResourceUuid(ImplementedControl control) => OscalUuid.For($"control/{control.Id:D}");

    private static string Group(ImplementedControl control) => $"control-{control.Id:N}";

    /// <summary>Orders "A.5.2" before "A.5.10" and "CTL-9" before "CTL-10": digit runs compare as numbers.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x is null || y is null)
                return string.CompareOrdinal(x, y);

            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    var startX = i;
                    var startY = j;
                    while (i < x.Length && char.IsAsciiDigit(x[i]))
                        i++;
                    while (j < y.Length && char.IsAsciiDigit(y[j]))
                        j++;
                    var digitsX = x[startX..i].TrimStart('0');
                    var digitsY = y[startY..j].TrimStart('0');
                    var byNumber = digitsX.Length != digitsY.Length
                        ? digitsX.Length.CompareTo(digitsY.Length)
                        : string.CompareOrdinal(digitsX, digitsY);
                    if (byNumber != 0)
                        return byNumber;
                }
                else
                {
                    if (x[i] != y[j])
                        return x[i].CompareTo(y[j]);
                    i++;
                    j++;
                }
            }

            var byLength = (x.Length - i).CompareTo(y.Length - j);
            // Equal under the natural order ("01" and "1") still needs a fixed order for stable output.
            return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
        }
    }
}
