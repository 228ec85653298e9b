global using Attest.Organizations;
global using Attest.Web.Security;
