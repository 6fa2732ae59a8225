console.log('PreTest')
