using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;

namespace Attest.Tests.Support;

/// <summary>A browser-like client over the in-memory server: keeps cookies, does not follow redirects, posts forms with their anti-forgery token.</summary>
public sealed partial class BrowserSession
{
    private readonly CookieContainer _cookies;
    private static readonly Uri Base = new("http://localhost/");

    /// <summary>A client of <paramref name="server"/>; pass another client's cookies to carry its session to a second server.</summary>
    public BrowserSession(TestServer server, CookieContainer? cookies = null)
    {
        _cookies = cookies ?? new CookieContainer();
        Http = new HttpClient(new CookieHandler(_cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = Base };
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies => _cookies;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }

    /// <summary>Posts a form the way a browser does after loading <paramref name="formPage"/> (default: the same URL).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await Http.GetAsync(formPage ?? url.Split('?')[0]);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        if (token.Success) fields = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts without any anti-forgery token, as a forged cross-site request would.</summary>
    public Task<HttpResponseMessage> PostFormWithoutTokenAsync(string url, Dictionary<string, string> fields) =>
        Http.PostAsync(url, new FormUrlEncodedContent(fields));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(Base, request.RequestUri);
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies) cookies.SetCookies(uri, setCookie);
            }
            return response;
        }
    }
}

public static class ApiClient
{
    /// <summary>An HttpClient for /api/v1 that sends <paramref name="token"/> as a bearer token.</summary>
    public static HttpClient WithToken(this TestServer server, string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
