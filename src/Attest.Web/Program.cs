using Attest.Web.Cli;

return await AttestCommandLine.RunAsync(args);
