// SubpixScript: the command language (lexer, parser, interpreter, builtins, file formats, Session).
import Subpix
