using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Attest.Reminders;

/// <summary>How the connection to the SMTP server is secured (MailKit's choices, named for configuration).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, no TLS (a relay on the same host or a test server).</summary>
    None = 0,
    /// <summary>Connect in plain text and upgrade with STARTTLS, which the server must offer (port 587).</summary>
    StartTls = 1,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 2,
    /// <summary>TLS on port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto = 3,
}

/// <summary>
/// Where reminder e-mail goes, from configuration (<c>Smtp:Host</c>, <c>Smtp:Port</c>, <c>Smtp:From</c>, <c>Smtp:Username</c>,
/// <c>Smtp:Password</c>, <c>Smtp:Security</c>; as environment variables <c>Smtp__Host</c> …). Without a host e-mail is off and nothing
/// tries to send. Links in messages start with <c>Attest:PublicUrl</c> (<c>Attest__PublicUrl</c>), the address people open Attest at.
/// </summary>
public sealed class SmtpSettings
{
    public const string HostKey = "Smtp:Host";
    public const string PortKey = "Smtp:Port";
    public const string FromKey = "Smtp:From";
    public const string UsernameKey = "Smtp:Username";
    public const string PasswordKey = "Smtp:Password";
    public const string SecurityKey = "Smtp:Security";
    public const string PublicUrlKey = "Attest:PublicUrl";
    /// <summary>What links start with when <see cref="PublicUrlKey"/> is not set: where `attest serve` listens by default.</summary>
    public const string DefaultPublicUrl = "http://127.0.0.1:5080";

    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    public string From { get; init; } = "";
    public string? Username { get; init; }
    [Secret] public string? Password { get; init; }
    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;
    public string PublicUrl { get; init; } = DefaultPublicUrl;
    public bool PublicUrlConfigured { get; init; }
    /// <summary>What is wrong with the configuration (e.g. no sender); e-mail is not sent while any is.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>A host is set: e-mail is meant to be on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>A host is set and nothing is wrong with the rest.</summary>
    public bool CanSend => IsConfigured && Problems.Count == 0;

    /// <summary>The settings from <paramref name="configuration"/>; the port defaults to 25 without TLS, 465 for SslOnConnect, 587 otherwise.</summary>
    public static SmtpSettings FromConfiguration(IConfiguration configuration)
    {
        var problems = new List<string>();
        var host = Blank(configuration[HostKey]);
        var security = SmtpSecurity.Auto;
        if (Blank(configuration[SecurityKey]) is { } securityText && !Enum.TryParse(securityText, ignoreCase: true, out security) || !Enum.IsDefined(security))
        {
            problems.Add($"{SecurityKey} is '{configuration[SecurityKey]}': use None, StartTls, SslOnConnect or Auto.");
            security = SmtpSecurity.Auto;
        }
        var port = security switch { SmtpSecurity.None => 25, SmtpSecurity.SslOnConnect => 465, _ => 587 };
        if (Blank(configuration[PortKey]) is { } portText && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problems.Add($"{PortKey} is '{portText}': give a port number from 1 to 65535.");
            port = 25;
        }
        var from = Blank(configuration[FromKey]) ?? "";
        if (host is not null && !MimeKit.MailboxAddress.TryParse(from, out _)) problems.Add(from.Length == 0
            ? $"{FromKey} is not set: give the sender address, e.g. \"Attest <attest@example.com>\"."
            : $"{FromKey} is '{from}', which is not an e-mail address.");
        var publicUrl = Blank(configuration[PublicUrlKey]);
        if (publicUrl is not null && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add($"{PublicUrlKey} is '{publicUrl}': give the address people open Attest at, e.g. https://attest.example.com.");
            publicUrl = null;
        }
        return new SmtpSettings
        {
            Host = host,
            Port = port,
            From = from,
            Username = Blank(configuration[UsernameKey]),
            Password = configuration[PasswordKey] is { Length: > 0 } password ? password : null,
            Security = security,
            PublicUrl = (publicUrl ?? DefaultPublicUrl).TrimEnd('/'),
            PublicUrlConfigured = publicUrl is not null,
            Problems = host is null ? [] : problems,
        };
    }

    /// <summary>The settings from environment variables alone (the CLI has no other configuration).</summary>
    public static SmtpSettings FromEnvironment() => FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build());

    /// <summary>An absolute link to <paramref name="path"/> ("/my/tasks").</summary>
    public string Link(string path) => PublicUrl + path;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
