-- A div of class "layout" becomes a borderless layout table: its child divs fill the cells row by row.
--
-- The frame draws the ND30 header and signature blocks this way (templates/frame.md.j2):
--   ::: {.layout columns="2" custom-style="Header Block"}   one div per cell, `columns` per row
-- The custom-style names the table style (templates/styles.toml [tables]). pandoc writes a table's
-- custom-style verbatim as its w:tblStyle, which must be the style's id: the name without spaces.
-- The finishing pass sets the exact column widths from the same table.

function Div(div)
  if not div.classes:includes("layout") then
    return nil
  end
  local columns = tonumber(div.attributes.columns or "2")
  local cells = {}
  for _, block in ipairs(div.content) do
    if block.t == "Div" then
      cells[#cells + 1] = pandoc.Cell(block.content)
    end
  end
  local rows = {}
  for first = 1, #cells, columns do
    local row = {}
    for k = first, first + columns - 1 do
      row[#row + 1] = cells[k] or pandoc.Cell({})
    end
    rows[#rows + 1] = pandoc.Row(row)
  end
  local specs = {}
  for k = 1, columns do
    specs[k] = { pandoc.AlignDefault, 1 / columns }
  end
  local body = { attr = pandoc.Attr(), body = rows, head = {}, row_head_columns = 0 }
  local style_id = (div.attributes["custom-style"] or "Table"):gsub("%s", "")
  local attr = pandoc.Attr("", {}, { ["custom-style"] = style_id })
  return pandoc.Table({ long = {} }, specs, pandoc.TableHead(), { body }, pandoc.TableFoot(), attr)
end
