using System.Xml;
using System.Xml.Linq;
using EcsConsole.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace EcsConsole.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring in the database: the rows of <c>DataProtectionKeys</c> that <c>PersistKeysToDbContext</c>
/// reads and writes (the same table, columns and XML), read and written with plain commands. On a fresh database the
/// first key is made while start-up seeds the demo world, and EF Core's repository compiled a LINQ query and the
/// change tracker's save on that path (issue #20's cold start); what it did is two statements, on either provider.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<ConsoleDbContext> dbFactory, ILogger<DatabaseXmlRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return Rows(db).Select(Parsed).OfType<XElement>().ToList().AsReadOnly();
    }

    /// <summary>The XML of every row of the ring, in the order the rows were written (rows without XML left out), read
    /// with a plain command; the key-ring upgrade reads them too, before anything loads the ring.</summary>
    public static List<string> Rows(ConsoleDbContext db)
    {
        db.Database.OpenConnection();
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"Xml\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                {
                    rows.Add(reader.GetString(0));
                }
            }

            return rows;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.Database.OpenConnection();
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES (@name, @xml)";
            command.AddParameter("@name", friendlyName);
            command.AddParameter("@xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    /// <summary>A row's XML, or null (logged) when it is not XML: a damaged row is skipped, as EF Core's repository does.</summary>
    private XElement? Parsed(string xml)
    {
        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException e)
        {
            logger.LogWarning(e, "A row of DataProtectionKeys is not XML: skipped");
            return null;
        }
    }
}
