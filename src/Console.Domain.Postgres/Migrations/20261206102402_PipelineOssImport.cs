using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcsConsole.Domain.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PipelineOssImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportOptions",
                table: "ImagePipelines",
                type: "text",
                nullable: false,
                defaultValue: "null");

            migrationBuilder.AddColumn<string>(
                name: "ImportedImageId",
                table: "ImagePipelineExecutions",
                type: "text",
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportOptions",
                table: "ImagePipelines");

            migrationBuilder.DropColumn(
                name: "ImportedImageId",
                table: "ImagePipelineExecutions");
        }
    }
}
