/**
 * Served from our own origin so the pages' CSP can forbid everything else. Colours meet WCAG AA on white
 * (#1a1a1a text 17:1, #0b5394 links and buttons 7.6:1, #b00020 errors 6.5:1); focus is always visible.
 */
export const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;color:#1a1a1a;background:#fff;line-height:1.5}
body{margin:0}
main{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}
p.lead{font-size:1.1rem}
fieldset{border:1px solid #767676;border-radius:6px;margin:0 0 1.5rem;padding:1rem}
legend{font-weight:700;padding:0 .25rem;font-size:1.05rem}
label{display:block;font-weight:600;margin:0 0 .35rem}
.hint{color:#4a4a4a;font-size:.95rem;margin:.1rem 0 .5rem}
input[type=number],textarea{width:100%;font:inherit;padding:.6rem;border:2px solid #4a4a4a;border-radius:4px;background:#fff;color:#1a1a1a}
input[type=number]{max-width:8rem}
input.code{width:100%;max-width:16rem;font:inherit;font-size:1.4rem;letter-spacing:.12em;text-transform:uppercase;padding:.6rem;border:2px solid #4a4a4a;border-radius:4px}
textarea{min-height:6rem;resize:vertical}
.choice{display:flex;gap:.5rem;align-items:center;margin:.6rem 0}
.choice label{margin:0;font-weight:400}
.choice input{width:1.25rem;height:1.25rem}
.values{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.1rem .75rem}
button{font:inherit;font-weight:700;background:#0b5394;color:#fff;border:0;border-radius:4px;padding:.8rem 1.4rem;cursor:pointer;min-height:44px}
button:hover{background:#073763}
a{color:#0b5394}
:focus-visible{outline:3px solid #c55a00;outline-offset:2px}
.error-summary{border:3px solid #b00020;border-radius:6px;padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin:0 0 .5rem;font-size:1.15rem;color:#b00020}
.field-error{color:#b00020;font-weight:600;margin:.25rem 0}
.notice{border-left:4px solid #0b5394;padding:.5rem 1rem;background:#f1f6fb}
.notice-error{border-left-color:#b00020;background:#fdf2f4}
.counter{color:#4a4a4a;font-size:.95rem}
@media (min-width:40rem){main{padding-top:2.5rem}}
`;

/** Progressive enhancement only: the form works without it. Moves focus to the error summary; counts picks. */
export const SCRIPT = `
document.addEventListener('DOMContentLoaded',function(){
  var summary=document.querySelector('[data-error-summary]');if(summary){summary.focus();}
  document.querySelectorAll('[data-max-picks]').forEach(function(group){
    var max=Number(group.getAttribute('data-max-picks'));var out=group.querySelector('[data-counter]');
    var boxes=group.querySelectorAll('input[type=checkbox]');
    function update(){var n=0;boxes.forEach(function(b){if(b.checked)n++;});
      if(out)out.textContent=out.getAttribute('data-template').replace('{n}',String(n)).replace('{max}',String(max));
      boxes.forEach(function(b){b.disabled=!b.checked&&n>=max;});}
    boxes.forEach(function(b){b.addEventListener('change',update);});update();
  });
});
`;
