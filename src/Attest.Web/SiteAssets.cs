using System.Reflection;

namespace Attest.Web;

/// <summary>The one stylesheet, served from the executable itself so `attest` runs from any folder.</summary>
public static class SiteAssets
{
    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Attest.Web.Assets.site.css")
            ?? throw new InvalidOperationException("The stylesheet is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapSiteAssets(this IEndpointRouteBuilder app)
    {
        var version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Stylesheet.Value))[..12];
        StylesheetPath = $"/assets/site.css?v={version}";
        app.MapGet("/assets/site.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    public static string StylesheetPath { get; private set; } = "/assets/site.css";
}
