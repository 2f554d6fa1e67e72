global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Connections;
global using Microsoft.AspNetCore.Hosting;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.Logging;
