using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace Attest.Checks;

/// <summary>
/// Fetches a URL (following at most three redirects) and judges its security headers: Strict-Transport-Security (https only,
/// max-age at least 180 days by default), Content-Security-Policy, X-Content-Type-Options: nosniff and frame protection
/// (X-Frame-Options DENY/SAMEORIGIN or a CSP frame-ancestors directive).
/// Settings: <c>{"required": ["Strict-Transport-Security", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"],
/// "minHstsMaxAge": 15552000, "allowUntrusted": false}</c>; any other header named in "required" must merely be present.
/// </summary>
public sealed class HttpHeadersProbe : ICheckProbe
{
    public const int MaxRedirects = 3;
    public const long DefaultMinHstsMaxAge = 15552000; // 180 days

    private const string Hsts = "Strict-Transport-Security";
    private const string Csp = "Content-Security-Policy";
    private const string ContentTypeOptions = "X-Content-Type-Options";
    private const string FrameOptions = "X-Frame-Options";

    private static readonly string[] DefaultRequired = [Hsts, Csp, ContentTypeOptions, FrameOptions];

    public CheckKind Kind => CheckKind.HttpHeaders;

    private sealed class Settings
    {
        public string[]? Required { get; init; }
        public long MinHstsMaxAge { get; init; } = DefaultMinHstsMaxAge;
        public bool AllowUntrusted { get; init; }
    }

    private sealed record HeaderResult(string Name, bool Required, string Value, bool Ok, string Note);

    public async Task<ProbeResult> RunAsync(CheckTarget target, CancellationToken cancellationToken)
    {
        var url = (target.Target ?? "").Trim();
        if (!ProbeSettings.TryRead<Settings>(target.Settings, out var settings, out var settingsError))
            return Failed(url, settingsError);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return Failed(url, $"Target \"{url}\" must be an absolute http:// or https:// URL.");

        using var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (settings.AllowUntrusted)
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }; // the token is the timeout
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Attest-Check", "1.0"));

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or HttpRequestException or IOException)
        {
            return Failed(url, $"{url}: timed out waiting for the response headers.");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or AuthenticationException or OperationCanceledException)
        {
            return Failed(url, $"{url}: request failed: {ProbeErrors.Reason(e)}");
        }

        using (response)
        {
            var finalUri = response.RequestMessage?.RequestUri ?? uri;
            return Judge(uri, finalUri, response, settings);
        }
    }

    private static ProbeResult Judge(Uri requested, Uri final, HttpResponseMessage response, Settings settings)
    {
        var https = final.Scheme == Uri.UriSchemeHttps;
        var required = new HashSet<string>(settings.Required ?? DefaultRequired, StringComparer.OrdinalIgnoreCase);
        var csp = Header(response, Csp);
        var results = new List<HeaderResult>
        {
            CheckHsts(Header(response, Hsts), required.Contains(Hsts) && https, https, settings.MinHstsMaxAge),
            CheckCsp(csp, Header(response, Csp + "-Report-Only"), required.Contains(Csp)),
            CheckContentTypeOptions(Header(response, ContentTypeOptions), required.Contains(ContentTypeOptions)),
            CheckFrameProtection(Header(response, FrameOptions), csp, required.Contains(FrameOptions) || required.Contains("frame-ancestors")),
        };
        foreach (var name in required.Where(n => !DefaultRequired.Contains(n, StringComparer.OrdinalIgnoreCase) && !n.Equals("frame-ancestors", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase))
        {
            var value = Header(response, name);
            results.Add(new HeaderResult(name, true, value ?? "", value is not null, value is null ? "missing" : "present"));
        }

        var problems = results.Where(r => r.Required && !r.Ok).Select(r => $"{r.Name} ({r.Note})").ToList();
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
            problems.Add($"the response is still a redirect ({status}) after at most {MaxRedirects} redirects, or one from https to http that is not followed");

        var passed = problems.Count == 0;
        var summary = passed
            ? $"{final}: required security headers present ({string.Join(", ", results.Where(r => r.Required).Select(r => r.Name))})"
            : $"{final}: missing or weak: {string.Join("; ", problems)}";

        var details = new StringBuilder();
        details.Append("## Security headers of ").Append(MarkdownText.Escape(requested.ToString())).Append("\n\n");
        details.Append(passed ? "**Passed.**\n\n" : "**Failed:**\n\n");
        foreach (var problem in problems) details.Append("- ").Append(MarkdownText.Escape(problem)).Append('\n');
        if (!passed) details.Append('\n');
        details.Append(CultureInfo.InvariantCulture, $"Status: {status} {MarkdownText.Escape(response.ReasonPhrase)}\n\n");
        if (final != requested) details.Append("Final URL after redirects: ").Append(MarkdownText.Escape(final.ToString())).Append("\n\n");
        if (!https) details.Append("Plain http: Strict-Transport-Security is reported but not required (browsers ignore it over http).\n\n");
        details.Append("| Header | Required | Value | Result |\n|---|---|---|---|\n");
        foreach (var r in results)
        {
            details.Append(CultureInfo.InvariantCulture,
                $"| {MarkdownText.Escape(r.Name)} | {(r.Required ? "yes" : "no")} | {(r.Value.Length == 0 ? "(missing)" : MarkdownText.Escape(Shorten(r.Value)))} | {(r.Ok ? "ok" : r.Required ? "**fail**" : "not ok")}: {MarkdownText.Escape(r.Note)} |\n");
        }
        return new ProbeResult(passed, summary, details.ToString());
    }

    private static HeaderResult CheckHsts(string? value, bool required, bool https, long minMaxAge)
    {
        if (value is null) return new HeaderResult(Hsts, required, "", false, https ? "missing" : "missing (not required over http)");
        long? maxAge = null;
        foreach (var directive in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = directive.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("max-age", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(pair[1].Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                maxAge = seconds;
        }
        if (maxAge is null) return new HeaderResult(Hsts, required, value, false, "no valid max-age");
        if (maxAge < minMaxAge) return new HeaderResult(Hsts, required, value, false, $"max-age {maxAge} is below {minMaxAge}");
        return new HeaderResult(Hsts, required, value, true, $"max-age {maxAge}");
    }

    private static HeaderResult CheckCsp(string? value, string? reportOnly, bool required)
    {
        if (!string.IsNullOrWhiteSpace(value)) return new HeaderResult(Csp, required, value, true, "present");
        var note = reportOnly is null ? "missing" : "missing (only Content-Security-Policy-Report-Only, which does not enforce)";
        return new HeaderResult(Csp, required, "", false, note);
    }

    private static HeaderResult CheckContentTypeOptions(string? value, bool required)
    {
        if (value is null) return new HeaderResult(ContentTypeOptions, required, "", false, "missing");
        return value.Trim().Equals("nosniff", StringComparison.OrdinalIgnoreCase)
            ? new HeaderResult(ContentTypeOptions, required, value, true, "nosniff")
            : new HeaderResult(ContentTypeOptions, required, value, false, "not nosniff");
    }

    private static HeaderResult CheckFrameProtection(string? frameOptions, string? csp, bool required)
    {
        var frameAncestors = csp?.Split(';', StringSplitOptions.TrimEntries)
            .FirstOrDefault(d => d.StartsWith("frame-ancestors", StringComparison.OrdinalIgnoreCase) && (d.Length == 15 || char.IsWhiteSpace(d[15])));
        if (frameAncestors is not null)
            return new HeaderResult(FrameOptions, required, frameOptions ?? "", true, $"CSP {frameAncestors}");
        if (frameOptions is null)
            return new HeaderResult(FrameOptions, required, "", false, "missing, and the CSP has no frame-ancestors (no frame protection)");
        var option = frameOptions.Trim();
        return option.Equals("DENY", StringComparison.OrdinalIgnoreCase) || option.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase)
            ? new HeaderResult(FrameOptions, required, frameOptions, true, option.ToUpperInvariant())
            : new HeaderResult(FrameOptions, required, frameOptions, false, "neither DENY nor SAMEORIGIN, and the CSP has no frame-ancestors");
    }

    private static string? Header(HttpResponseMessage response, string name)
    {
        if (response.Headers.NonValidated.TryGetValues(name, out var values) || response.Content.Headers.NonValidated.TryGetValues(name, out values))
            return string.Join(", ", values);
        return null;
    }

    private static string Shorten(string value) => value.Length <= 300 ? value : value[..300] + "…";

    private static ProbeResult Failed(string url, string reason) =>
        new(false, reason, $"## Security headers of {MarkdownText.Escape(url)}\n\n**Failed:** {MarkdownText.Escape(reason)}\n");
}
