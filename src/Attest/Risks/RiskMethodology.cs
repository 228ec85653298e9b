using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attest.Risks;

/// <summary>Who may accept a residual risk at a level; each authority may also accept what a lower one may.</summary>
public enum AcceptanceAuthority
{
    RiskOwner = 0,
    Ciso = 1,
    Executive = 2,
    /// <summary>Risks at this level must be treated; nobody may accept them.</summary>
    NotAcceptable = 3,
}

/// <summary>One step of a likelihood or impact scale, numbered from 1 (lowest).</summary>
public sealed record ScaleStep(string Label, string Description);

/// <summary>A risk level of the matrix (Low … Critical), ordered from the lowest: its colour, who may accept it, how often it is reviewed.</summary>
public sealed record RiskLevel(string Name, string Colour, AcceptanceAuthority AcceptableBy, int ReviewMonths, string Description = "");

/// <summary>
/// The content of a methodology version: both scales, the levels, the matrix (<c>Matrix[likelihood-1][impact-1]</c> is a level index)
/// and which job titles hold the CISO and executive authority for risk acceptance.
/// </summary>
public sealed record MethodologyDefinition(
    IReadOnlyList<ScaleStep> Likelihood,
    IReadOnlyList<ScaleStep> Impact,
    IReadOnlyList<RiskLevel> Levels,
    IReadOnlyList<IReadOnlyList<int>> Matrix,
    string CisoTitles,
    string ExecutiveTitles)
{
    internal static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The level index of a likelihood × impact cell (both from 1).</summary>
    public int LevelOf(int likelihood, int impact) => Matrix[likelihood - 1][impact - 1];

    public RiskLevel Level(int index) => Levels[index];

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static MethodologyDefinition Parse(string json) =>
        JsonSerializer.Deserialize<MethodologyDefinition>(json, Json) ?? throw new InvalidOperationException("A risk methodology has no content.");

    public static IReadOnlyList<string> Titles(string list) =>
        list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The authority a job title carries under this methodology (null: none beyond owning a risk).</summary>
    public AcceptanceAuthority? AuthorityOf(string? jobTitle)
    {
        if (string.IsNullOrWhiteSpace(jobTitle)) return null;
        var title = jobTitle.Trim();
        if (Titles(ExecutiveTitles).Contains(title, StringComparer.OrdinalIgnoreCase)) return AcceptanceAuthority.Executive;
        if (Titles(CisoTitles).Contains(title, StringComparer.OrdinalIgnoreCase)) return AcceptanceAuthority.Ciso;
        return null;
    }

    /// <summary>Who may accept a level, in words: "the risk owner, the CISO (CISO) or an executive (CEO, COO)".</summary>
    public string WhoMayAccept(AcceptanceAuthority required) => required switch
    {
        AcceptanceAuthority.NotAcceptable => "nobody: risks at this level must be treated",
        AcceptanceAuthority.RiskOwner => $"the risk owner, the CISO ({CisoTitles}) or an executive ({ExecutiveTitles})",
        AcceptanceAuthority.Ciso => $"the CISO ({CisoTitles}) or an executive ({ExecutiveTitles})",
        _ => $"an executive ({ExecutiveTitles})",
    };

    /// <summary>Every rule a methodology must keep, each broken one named with where.</summary>
    public Validation Validate(Validation? validation = null)
    {
        validation ??= new Validation();
        ValidateScale(validation, "Likelihood", Likelihood);
        ValidateScale(validation, "Impact", Impact);
        if (Levels is null || Levels.Count is < 2 or > 6) validation.Add("Levels", "needs 2 to 6 levels, from the lowest to the highest.");
        else
        {
            for (var i = 0; i < Levels.Count; i++)
            {
                var level = Levels[i];
                var at = $"Levels[{i + 1}]";
                if (string.IsNullOrWhiteSpace(level.Name)) validation.Add(at, "needs a name.");
                else if (level.Name.Length > 40) validation.Add(at, "name must be at most 40 characters.");
                if (!IsColour(level.Colour)) validation.Add(at, $"colour '{level.Colour}' is not a #rrggbb colour.");
                if (!Enum.IsDefined(level.AcceptableBy)) validation.Add(at, $"acceptable by must be one of {string.Join(", ", Enum.GetNames<AcceptanceAuthority>())}.");
                if (level.ReviewMonths is < 1 or > 36) validation.Add(at, "review frequency must be 1 to 36 months.");
                if ((level.Description?.Length ?? 0) > 1000) validation.Add(at, "description must be at most 1000 characters.");
            }
            var duplicate = Levels.Where(l => !string.IsNullOrWhiteSpace(l.Name)).GroupBy(l => l.Name.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) validation.Add("Levels", $"two levels are called '{duplicate.Key}'.");
            for (var i = 1; i < Levels.Count; i++)
            {
                if (Levels[i].AcceptableBy < Levels[i - 1].AcceptableBy) validation.Add($"Levels[{i + 1}]", $"a higher level cannot need less authority to accept than {Levels[i - 1].Name}.");
            }
        }
        if (!validation.IsValid) return validation;
        var levels = Levels!;
        if (Matrix is null || Matrix.Count != Likelihood.Count || Matrix.Any(row => row is null || row.Count != Impact.Count))
        {
            return validation.Add("Matrix", $"needs one row per likelihood step ({Likelihood.Count}) with one cell per impact step ({Impact.Count}).");
        }
        for (var l = 0; l < Likelihood.Count; l++)
        {
            for (var i = 0; i < Impact.Count; i++)
            {
                var cell = Matrix[l][i];
                var at = $"Matrix[likelihood {l + 1}, impact {i + 1}]";
                if (cell < 0 || cell >= levels.Count) { validation.Add(at, $"must name a level from 1 to {levels.Count}."); continue; }
                // A cell may not be lower than the cells below or to its left: more likely or worse can never mean less risk.
                if (l > 0 && Matrix[l - 1][i] >= 0 && Matrix[l - 1][i] < levels.Count && cell < Matrix[l - 1][i]) validation.Add(at, $"is {levels[cell].Name}, lower than the less likely cell below it ({levels[Matrix[l - 1][i]].Name}).");
                if (i > 0 && Matrix[l][i - 1] >= 0 && Matrix[l][i - 1] < levels.Count && cell < Matrix[l][i - 1]) validation.Add(at, $"is {levels[cell].Name}, lower than the less severe cell to its left ({levels[Matrix[l][i - 1]].Name}).");
            }
        }
        if (string.IsNullOrWhiteSpace(CisoTitles) || Titles(CisoTitles).Count == 0) validation.Add("CisoTitles", "name at least one job title that holds the CISO's authority (e.g. CISO).");
        if (string.IsNullOrWhiteSpace(ExecutiveTitles) || Titles(ExecutiveTitles).Count == 0) validation.Add("ExecutiveTitles", "name at least one executive job title (e.g. CEO).");
        validation.MaxLength("CisoTitles", CisoTitles, 300).MaxLength("ExecutiveTitles", ExecutiveTitles, 300);
        return validation;
    }

    private static void ValidateScale(Validation validation, string name, IReadOnlyList<ScaleStep>? scale)
    {
        if (scale is null || scale.Count is < 3 or > 10) { validation.Add(name, "needs 3 to 10 steps, from the lowest to the highest."); return; }
        for (var i = 0; i < scale.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(scale[i].Label)) validation.Add($"{name}[{i + 1}]", "needs a label.");
            else if (scale[i].Label.Length > 60) validation.Add($"{name}[{i + 1}]", "label must be at most 60 characters.");
            if ((scale[i].Description?.Length ?? 0) > 1000) validation.Add($"{name}[{i + 1}]", "description must be at most 1000 characters.");
        }
    }

    private static bool IsColour(string? colour) =>
        colour is { Length: 7 } && colour[0] == '#' && int.TryParse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _);
}

/// <summary>
/// A version of the organization's risk methodology. Versions never change: changing the methodology saves the next number,
/// and each risk keeps the version it was assessed under until it is re-assessed.
/// </summary>
public sealed class RiskMethodology : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>1, 2, 3 … in the organization.</summary>
    public int Number { get; set; }
    public required string Name { get; set; }
    /// <summary>Markdown: the approach in words (who assesses, when, how scales are applied) for the printable methodology document.</summary>
    public string Approach { get; set; } = "";
    /// <summary>JSON of <see cref="MethodologyDefinition"/>.</summary>
    public required string Definition { get; set; }
    public string ChangeNote { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public Guid? CreatedByUserId { get; set; }
}

/// <summary>The ready-made methodologies an organization starts from.</summary>
public static class MethodologyTemplates
{
    public const string FiveByFive = "5x5";
    public const string ThreeByThree = "3x3";

    public static IReadOnlyList<(string Key, string Name)> All { get; } = [(FiveByFive, "5 × 5: five likelihood and impact steps, four levels"), (ThreeByThree, "3 × 3: three steps, three levels")];

    public static string Approach { get; } = """
        Risks to the information security of the organization and to its AI systems are identified by the risk owners and the CISO,
        from the asset inventory, the AI system registry, incidents, audits, supplier reviews and changes to the business.

        Each risk is rated twice: **inherent** (with the controls already in place) and **residual** (once the planned treatment is
        done). The likelihood and impact steps below are applied as described; where a risk touches several kinds of impact, the most
        severe one counts. The matrix turns the two ratings into a level, and the level decides how the risk must be treated, who may
        accept what remains, and how often the risk is reviewed.

        The register is reviewed at least once a year as a dated risk assessment, and whenever a significant change, incident or audit
        finding calls for it.
        """;

    public static (string Name, MethodologyDefinition Definition) Get(string key) => key.Trim().ToLowerInvariant() switch
    {
        FiveByFive => ("Risk methodology (5 × 5)", FiveLevels()),
        ThreeByThree => ("Risk methodology (3 × 3)", ThreeLevels()),
        _ => throw ValidationFailedException.For("Template", $"'{key}' is not a ready-made methodology: use {FiveByFive} or {ThreeByThree}."),
    };

    private static MethodologyDefinition FiveLevels()
    {
        ScaleStep[] likelihood =
        [
            new("Rare", "Not expected in the next 10 years; no known occurrence in the sector (< 5 % a year)."),
            new("Unlikely", "Could happen once in 5 to 10 years; has happened elsewhere in the sector (5–20 % a year)."),
            new("Possible", "Could happen once in 1 to 5 years; has happened to us or a close peer (20–50 % a year)."),
            new("Likely", "Expected about once a year; attempts are seen regularly (50–90 % a year)."),
            new("Almost certain", "Expected several times a year, or happening now (> 90 % a year)."),
        ];
        ScaleStep[] impact =
        [
            new("Negligible", "Under €10,000; no client affected; no regulatory exposure; resolved within a day."),
            new("Minor", "€10,000 to €50,000; one client inconvenienced; internal policy breach only; service degraded for hours."),
            new("Moderate", "€50,000 to €250,000; several clients affected or one client's confidential data exposed; reportable but no sanction likely; outage up to a day."),
            new("Major", "€250,000 to €1 million; many clients affected or professional advice harmed a client; regulator investigation or breach notification; outage of several days."),
            new("Severe", "Over €1 million; loss of key clients or of a professional licence; fines under GDPR or sector rules; outage over a week."),
        ];
        RiskLevel[] levels =
        [
            new("Low", "#2e7d32", AcceptanceAuthority.RiskOwner, 12, "Acceptable; managed by routine procedures."),
            new("Medium", "#f9a825", AcceptanceAuthority.Ciso, 6, "Treat where cost-effective; the CISO may accept what remains."),
            new("High", "#ef6c00", AcceptanceAuthority.Executive, 3, "Treat with priority; only an executive may accept what remains."),
            new("Critical", "#c62828", AcceptanceAuthority.NotAcceptable, 1, "Not acceptable: treat at once and report to management."),
        ];
        var matrix = new List<IReadOnlyList<int>>();
        for (var l = 1; l <= 5; l++)
        {
            matrix.Add(Enumerable.Range(1, 5).Select(i => (l * i) switch { <= 4 => 0, <= 9 => 1, <= 16 => 2, _ => 3 }).ToList());
        }
        return new MethodologyDefinition(likelihood, impact, levels, matrix, "CISO", "CEO, COO, CFO, Managing Director");
    }

    private static MethodologyDefinition ThreeLevels()
    {
        ScaleStep[] likelihood =
        [
            new("Low", "Not expected within the next five years."),
            new("Medium", "Could happen within the next one to five years."),
            new("High", "Expected within the next year, or already happening."),
        ];
        ScaleStep[] impact =
        [
            new("Low", "Under €25,000; no client affected; no regulatory exposure."),
            new("Medium", "€25,000 to €500,000; some clients affected; reportable to a regulator."),
            new("High", "Over €500,000; many clients or a licence at stake; fines likely."),
        ];
        RiskLevel[] levels =
        [
            new("Low", "#2e7d32", AcceptanceAuthority.RiskOwner, 12, "Acceptable; managed by routine procedures."),
            new("Medium", "#f9a825", AcceptanceAuthority.Ciso, 6, "Treat where cost-effective; the CISO may accept what remains."),
            new("High", "#c62828", AcceptanceAuthority.Executive, 3, "Treat with priority; only an executive may accept what remains."),
        ];
        IReadOnlyList<int>[] matrix = [[0, 0, 1], [0, 1, 2], [1, 2, 2]];
        return new MethodologyDefinition(likelihood, impact, levels, matrix, "CISO", "CEO, COO, CFO, Managing Director");
    }
}
