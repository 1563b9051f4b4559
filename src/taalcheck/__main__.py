from taalcheck.fastcli import main

main()
