// The namespaces nearly every file of the domain uses: its common types (Actor, Result, EcsError, the one write), the
// context, and EF Core's query operators.
global using EcsConsole.Domain.Common;
global using EcsConsole.Domain.Persistence;
global using Microsoft.EntityFrameworkCore;
global using EcsConsole.Domain.ResourceGroups;
