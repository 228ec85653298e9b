using Attest.Web.Cli;

namespace Attest.Tests.Support;

/// <summary>Runs the `attest` command line in-process and captures what it writes.</summary>
public static class Cli
{
    public static async Task<(int Code, string Output, string Error)> AttestAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AttestCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
