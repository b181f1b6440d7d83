" Highlighting of molt's optimized MIR (`:MoltShowIr`, `molt-lsp --emit=mir`).
if exists("b:current_syntax")
  finish
endif

syntax match moltMirFunction /^function\>/
syntax match moltMirBlock /\<block\d\+\>/
syntax match moltMirValue /\<v\d\+\>/
syntax region moltMirString start=/"/ skip=/\\"/ end=/"/ oneline
syntax match moltMirSpan /@\d\+\.\.\d\+\( #\d\+\)\?/
syntax match moltMirLane /;\s*\(native\|guarded\|runtime\)\s*$/
syntax match moltMirDynamic /;\s*dynamic\s*$/
syntax match moltMirComment /;.*$/ contains=moltMirLane,moltMirDynamic

highlight default link moltMirFunction Keyword
highlight default link moltMirBlock Label
highlight default link moltMirValue Identifier
highlight default link moltMirString String
highlight default link moltMirSpan Comment
highlight default link moltMirComment Comment
highlight default link moltMirLane Comment
highlight default link moltMirDynamic WarningMsg

let b:current_syntax = "moltmir"
