namespace Attest.Frameworks;

/// <summary>
/// The frameworks and mappings Attest ships with (src/Attest/Catalogs, embedded in the assembly so
/// that the product never reads data files from disk at run time).
/// </summary>
public static class BuiltInCatalogs
{
    private const string Prefix = "Attest.Catalogs.";
    private const string CsfToIso27001File = "csf2-to-iso27001-2022.tsv";

    private static readonly Lazy<IReadOnlyList<CatalogDocument>> AllCatalogs = new(LoadCatalogs);
    private static readonly Lazy<MappingSet> CsfToIso27001Mapping = new(LoadCsfToIso27001);

    /// <summary>Every built-in framework, parsed once, ordered by file name.</summary>
    /// <exception cref="CatalogFormatException">A shipped file is broken (a build defect; tests guard against it).</exception>
    public static IReadOnlyList<CatalogDocument> All => AllCatalogs.Value;

    /// <summary>NIST's informative references from CSF 2.0 to ISO/IEC 27001:2022, with the rows that could not be used.</summary>
    public static MappingSet CsfToIso27001 => CsfToIso27001Mapping.Value;

    private static IReadOnlyList<CatalogDocument> LoadCatalogs()
    {
        var assembly = typeof(BuiltInCatalogs).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Parse(name[Prefix.Length..], reader => FrameworkYaml.Read(reader, name[Prefix.Length..])))
            .ToList();
    }

    private static MappingSet LoadCsfToIso27001()
    {
        var csf = Find("nist-csf-2.0");
        var iso = Find("iso27001-2022");
        return Parse(CsfToIso27001File, reader => NistCsfMapping.Read(reader, CsfToIso27001File, csf, iso));
    }

    private static CatalogDocument Find(string key) =>
        All.SingleOrDefault(c => c.Key == key)
        ?? throw new InvalidOperationException($"The built-in catalog {key} is missing from the assembly.");

    private static T Parse<T>(string fileName, Func<TextReader, T> read)
    {
        using var stream = typeof(BuiltInCatalogs).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"The built-in file {fileName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return read(reader);
    }
}
