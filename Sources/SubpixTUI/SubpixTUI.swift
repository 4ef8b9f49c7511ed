// SubpixTUI: the visualiser as model -> update(event) -> render into a cell buffer.
import SubpixScript
